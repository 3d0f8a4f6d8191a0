package dev.breachpath.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code breachpath} command. */
@Command(name = "breachpath",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Finds attack paths in AWS infrastructure, from Terraform plans, before attackers do.",
        subcommands = {ScanCommand.class, InputsCommand.class, GraphCommand.class, QueryCommand.class, PolicyCommand.class, IamCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the run completed (scan: nothing at or above --fail-on)",
                "  1  scan: findings at or above --fail-on; policy test: a case failed",
                "  2  the run could not be completed as asked (bad input, bad policy, bad query, usage)"})
public final class Main implements Runnable {
    /** Exit code of a run that could not be completed as asked. */
    public static final int INCOMPLETE = 2;

    /** The collector's command, in its own jar (collect/) beside this one when the launcher runs {@code collect}. */
    private static final String COLLECT = "dev.breachpath.collect.CollectCommand";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with these streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("collect", collect());
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExpandAtFiles(false);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof Failure f) {
                // A failure may name a file, and a file may be named after a key.
                err.println("breachpath: " + dev.breachpath.secret.Redactor.maskKeyIds(f.getMessage()));
                return INCOMPLETE;
            }
            err.println("breachpath: internal error (" + e.getClass().getSimpleName()
                    + "); please report it. Set BREACHPATH_DEBUG=1 to see where.");
            if (System.getenv("BREACHPATH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return INCOMPLETE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The collector when its jar is on the class path; else a command that says how to get it.
     * The AWS SDK stays out of the scan's jar, which starts faster without it.
     */
    private static Object collect() {
        try {
            return Class.forName(COLLECT).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new CollectMissing();
        }
    }

    /** {@code collect} without the collector's jar. */
    @Command(name = "collect", description = {"Snapshots live AWS accounts, read-only (docs/collect.md). Run it through the launcher,",
            "./breachpath collect, which builds the collector's jar (collect/target/breachpath-collect.jar) and puts it",
            "beside this one."}, mixinStandardHelpOptions = true)
    static final class CollectMissing implements Runnable {
        @CommandLine.Unmatched
        java.util.List<String> ignored;

        @Override
        public void run() {
            throw new Failure("collect: the collector's jar is not on the class path; run ./breachpath collect, which builds it"
                    + " (or java -cp breachpath.jar:breachpath-collect.jar dev.breachpath.cli.Main collect ...)");
        }
    }

    /** A run that cannot go on: one line for stderr, exit code 2. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The version of this build. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"breachpath " + version()};
        }
    }
}
