package dev.breachpath.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.Breachpath;
import dev.breachpath.iam.DecisionCase;
import dev.breachpath.iam.Evaluation;
import dev.breachpath.iam.PolicyException;
import dev.breachpath.load.Loaded;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "iam", mixinStandardHelpOptions = true, description = "Ask the IAM evaluator.",
        subcommands = {IamCommand.Check.class, IamCommand.Explain.class})
final class IamCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One line of JSON for an evaluation. */
    static ObjectNode json(String id, Evaluation e) {
        ObjectNode o = JSON.createObjectNode();
        if (id != null) {
            o.put("id", id);
        }
        o.put("decision", e.decision().toString());
        o.put("detail", e.detail().toString());
        o.put("reason", e.reason());
        if (!e.statements().isEmpty()) {
            e.statements().forEach(o.putArray("statements")::add);
        }
        if (e.decision() == Evaluation.Decision.POSSIBLE) {
            e.conditions().forEach(o.putArray("conditions")::add);
        }
        return o;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Decides every case of a JSON list of IAM decision cases (the format of the shared IAM decision "
                    + "vectors: request, policies, mode) and prints one JSON object per case: id, decision (Allow, Deny, "
                    + "Possible), detail (Allowed, ImplicitlyDenied, ExplicitlyDenied), reason, the statements that decided"
                    + " it, and with Possible the conditions that must hold. Exit 0 unless the cases cannot be read.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "CASES.json", description = "Files of decision cases.")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Path file : files) {
                List<DecisionCase> cases;
                try {
                    cases = DecisionCase.readAll(JSON.readTree(Files.newBufferedReader(file)));
                } catch (NoSuchFileException e) {
                    throw new Main.Failure(file + ": no such file");
                } catch (JsonProcessingException e) {
                    var at = e.getLocation();
                    throw new Main.Failure(file + ": line " + (at == null ? "?" : at.getLineNr()) + ", column "
                            + (at == null ? "?" : at.getColumnNr()) + ": expected a JSON list of decision cases");
                } catch (IOException e) {
                    throw new Main.Failure(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                } catch (PolicyException e) {
                    throw new Main.Failure(file + ": " + e.getMessage());
                }
                for (DecisionCase c : cases) {
                    out.println(json(c.id(), c.evaluate()));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Answers whether a principal of the loaded inputs may perform an action on a resource, with every "
                    + "policy that is in force there (identity, group, boundary, resource policy, trust policy), and names "
                    + "the statements that decide it.")
    static final class Explain implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        InputsArgs inputs;

        @Option(names = "--principal", required = true, paramLabel = "ARN|ADDRESS", description = "The user or role asking.")
        String principal;

        @Option(names = "--action", required = true, paramLabel = "ACTION", description = "The action, e.g. rds:CopyDBSnapshot.")
        String action;

        @Option(names = "--resource", required = true, paramLabel = "ARN|ADDRESS",
                description = "The resource: an ARN, a Terraform address, or * for an action that takes none.")
        String resource;

        @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: text).")
        String format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Loaded loaded = inputs.load(err);
            dev.breachpath.derive.Permissions.Explanation x;
            try {
                x = Breachpath.explain(loaded.graph(inputs.stage), principal, action, resource);
            } catch (IllegalArgumentException e) {
                throw new Main.Failure(e.getMessage());
            }
            Evaluation e = x.evaluation();
            if (format.equals("json")) {
                ObjectNode o = json(null, e);
                o.put("principal", x.principal());
                o.put("action", x.action());
                o.put("resource", x.resource());
                x.notes().forEach(o.putArray("notes")::add);
                out.println(o);
            } else {
                out.println(x.principal() + " → " + x.action() + " → " + x.resource());
                out.println(e.decision() + " (" + e.detail() + "): " + e.reason());
                e.statements().forEach(s -> out.println("  statement: " + s));
                if (e.decision() == Evaluation.Decision.POSSIBLE) {
                    e.conditions().forEach(c -> out.println("  if: " + c));
                }
                x.notes().forEach(n -> out.println("  note: " + n));
            }
            out.flush();
            return 0;
        }
    }
}
