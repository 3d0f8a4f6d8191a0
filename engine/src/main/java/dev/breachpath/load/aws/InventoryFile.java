package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.LinkIndex;
import dev.breachpath.load.ParsedInput;
import dev.breachpath.load.Stage;
import java.util.List;

/** One file of an inventory, read but not yet part of it: {@link InventoryFormat#combine} joins the files. */
record InventoryFile(String path, JsonNode root) implements ParsedInput {
    @Override
    public void register(Stage stage, LinkIndex index) {
        throw new IllegalStateException("an inventory file is read as part of its inventory");
    }

    @Override
    public void write(Stage stage, FactsTarget target) {
        throw new IllegalStateException("an inventory file is read as part of its inventory");
    }

    @Override
    public List<InputReport> reports() {
        throw new IllegalStateException("an inventory file is read as part of its inventory");
    }

    /** The directory the file is in, as its path names it ({@code a/b} for {@code a/b/c.json} and {@code a/b.zip!/c.json}). */
    String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
