package dev.breachpath.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breachpath.Breachpath;
import dev.breachpath.graph.BP;
import dev.breachpath.graph.Iris;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders and archives are read as the files they hold, each with its own report; what is no
 * input is unrecognised when found inside them and refused when named; what was meant as JSON
 * and is damaged is refused either way.
 */
class SourcesTest {
    private static final String SUBNETS = "{\"Subnets\": [{\"SubnetId\": \"subnet-0123456789abcdef0\", \"VpcId\": \"vpc-0123456789abcdef0\"}]}";
    private static final String VPCS = "{\"Vpcs\": [{\"VpcId\": \"vpc-0123456789abcdef0\", \"CidrBlock\": \"10.0.0.0/16\"}]}";
    private static final Node VPC = Iris.aws(BP.Vpc, "vpc-0123456789abcdef0");

    @TempDir
    Path dir;

    /** Each report's state, by the path below {@code prefix}. */
    private static Map<String, String> states(Loaded loaded, String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (InputReport r : loaded.reports()) {
            String state = r.isRefused() ? "refused: " + r.error() : r.isUnrecognised() ? "unrecognised: " + r.unrecognised()
                    : r.format() + " " + r.formatVersion() + " " + r.modelled() + "/" + r.elements();
            out.put(r.path().startsWith(prefix) ? r.path().substring(prefix.length()) : r.path(), state);
        }
        return out;
    }

    @Test
    void aFolderIsReadFileByFileSkippingHiddenOnes() throws IOException {
        Path snap = Files.createDirectories(dir.resolve("snap"));
        Files.writeString(snap.resolve("subnets.json"), SUBNETS);
        Files.createDirectories(snap.resolve("nested"));
        Files.write(snap.resolve("nested/vpcs.json.gz"), gzip(VPCS.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(snap.resolve("README.md"), "# notes\n");
        Files.writeString(snap.resolve("other.json"), "{\"Foo\": 1}");
        Files.writeString(snap.resolve("recorded.json"), "{\"status_code\": 403, \"data\": {\"Error\": {\"Code\": \"AccessDenied\"}}}");
        Files.createDirectories(snap.resolve(".git"));
        Files.writeString(snap.resolve(".git/config.json"), "{broken");
        Files.writeString(snap.resolve(".DS_Store"), "x");

        Loaded loaded = Breachpath.load(List.of(snap.toString()));
        assertThat(states(loaded, snap + "/")).containsExactly(
                Map.entry("README.md", "unrecognised: not a JSON object or array"),
                Map.entry("nested/vpcs.json.gz", "aws-api-response ec2:DescribeVpcs 1/1"),
                Map.entry("other.json", "unrecognised: JSON that is no input breachpath reads"),
                Map.entry("recorded.json", "unrecognised: a recorded error response (HTTP 403), not data"),
                Map.entry("subnets.json", "aws-api-response ec2:DescribeSubnets 1/1"));
        assertThat(loaded.anyRefused()).isFalse();
        // The subnet's VPC is the one the other file describes, not an external node.
        assertThat(loaded.graph(Stage.AFTER).contains(VPC, BP.external, Node.ANY)).isFalse();
        assertThat(loaded.graph(Stage.AFTER).contains(Iris.aws(BP.Subnet, "subnet-0123456789abcdef0"), BP.vpc, VPC)).isTrue();
    }

    @Test
    void damagedJsonInAFolderIsRefusedAndTheRestStillRead() throws IOException {
        Path snap = Files.createDirectories(dir.resolve("snap"));
        Files.writeString(snap.resolve("subnets.json"), SUBNETS);
        Files.writeString(snap.resolve("truncated.json"), "{\"Vpcs\": [{\"VpcId\": \"vpc-0123");
        Loaded loaded = Breachpath.load(List.of(snap.toString()));
        assertThat(states(loaded, snap + "/")).containsExactly(
                Map.entry("subnets.json", "aws-api-response ec2:DescribeSubnets 1/1"),
                Map.entry("truncated.json", "refused: line 1, column 30: invalid JSON: the document ends too early"));
    }

    @Test
    void aNamedFileThatIsNoInputIsRefused() throws IOException {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"Foo\": 1}");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Loaded loaded = Breachpath.load(List.of(other.toString(), empty.toString()));
        assertThat(loaded.reports()).extracting(InputReport::error).allSatisfy(e -> assertThat(e).isNotNull());
        assertThat(states(loaded, dir + "/")).containsEntry("empty", "refused: a directory with no files to read")
                .hasEntrySatisfying("other.json", s -> assertThat(s).startsWith("refused: not an input breachpath reads"));
    }

    @Test
    void zipAndTarGzArchivesAreReadAsTheirFiles() throws IOException {
        Path zip = dir.resolve("snap.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "snap/subnets.json", SUBNETS);
            entry(out, "snap/vpcs.json", VPCS);
            entry(out, "snap/notes.txt", "hello");
        }
        Path tgz = dir.resolve("snap.tar.gz");
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            tarEntry(out, "a/vpcs.json", VPCS);
            tarEntry(out, "a/.hidden.json", "{broken");
        }
        Files.write(tgz, gzip(tar.toByteArray()));

        Loaded zipped = Breachpath.load(List.of(zip.toString()));
        assertThat(states(zipped, zip + "!/")).containsExactly(
                Map.entry("snap/notes.txt", "unrecognised: not a JSON object or array"),
                Map.entry("snap/subnets.json", "aws-api-response ec2:DescribeSubnets 1/1"),
                Map.entry("snap/vpcs.json", "aws-api-response ec2:DescribeVpcs 1/1"));
        assertThat(zipped.graph(Stage.AFTER).contains(Iris.aws(BP.Subnet, "subnet-0123456789abcdef0"), BP.vpc, VPC)).isTrue();

        Loaded tarred = Breachpath.load(List.of(tgz.toString()));
        assertThat(states(tarred, tgz + "!/")).containsExactly(Map.entry("a/vpcs.json", "aws-api-response ec2:DescribeVpcs 1/1"));
    }

    @Test
    void anArchiveInAFolderIsReadAsItsFiles() throws IOException {
        Path snap = Files.createDirectories(dir.resolve("snap"));
        Files.writeString(snap.resolve("subnets.json"), SUBNETS);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(snap.resolve("more.zip")))) {
            entry(out, "vpcs.json", VPCS);
        }
        Loaded loaded = Breachpath.load(List.of(snap.toString()));
        assertThat(states(loaded, snap + "/")).containsExactly(
                Map.entry("more.zip!/vpcs.json", "aws-api-response ec2:DescribeVpcs 1/1"),
                Map.entry("subnets.json", "aws-api-response ec2:DescribeSubnets 1/1"));
    }

    @Test
    void archivesAndTextAreToldByContentNotName() throws IOException {
        Path snap = Files.createDirectories(dir.resolve("snap"));
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(snap.resolve("snapshot-2024-03-01")))) {
            entry(out, "vpcs.json", VPCS);
        }
        // As PowerShell's > writes it: UTF-16 with a byte order mark.
        byte[] utf16 = SUBNETS.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Files.write(snap.resolve("subnets.txt"), withBom);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("x.json"), VPCS);
        Files.createSymbolicLink(snap.resolve("linked"), elsewhere);
        Loaded loaded = Breachpath.load(List.of(snap.toString()));
        assertThat(states(loaded, snap + "/")).containsExactly(
                Map.entry("linked", "unrecognised: a link to a folder, not followed"),
                Map.entry("snapshot-2024-03-01!/vpcs.json", "aws-api-response ec2:DescribeVpcs 1/1"),
                Map.entry("subnets.txt", "aws-api-response ec2:DescribeSubnets 1/1"));
    }

    @Test
    void aRecordedResponseIsReadAsItsData() throws IOException {
        Path file = Files.writeString(dir.resolve("placebo.json"), "{\"status_code\": 200, \"data\": " + VPCS.replace("}]}",
                "}], \"ResponseMetadata\": {\"RequestId\": \"x\", \"HTTPStatusCode\": 200}}") + "}");
        Loaded loaded = Breachpath.load(List.of(file.toString()));
        assertThat(states(loaded, dir + "/")).containsExactly(Map.entry("placebo.json", "aws-api-response ec2:DescribeVpcs 1/1"));
    }

    @Test
    void theSameFilesInAnyOrderGiveTheSameGraph() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), SUBNETS);
        Path b = Files.writeString(dir.resolve("b.json"), VPCS);
        Loaded one = Breachpath.load(List.of(a.toString(), b.toString()));
        Loaded two = Breachpath.load(List.of(b.toString(), a.toString()));
        assertThat(one.graph(Stage.AFTER).graph().isIsomorphicWith(two.graph(Stage.AFTER).graph())).isTrue();
        assertThat(one.graph(Stage.AFTER).size()).isEqualTo(two.graph(Stage.AFTER).size());
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static void tarEntry(TarArchiveOutputStream out, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        out.putArchiveEntry(e);
        out.write(bytes);
        out.closeArchiveEntry();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }
}
