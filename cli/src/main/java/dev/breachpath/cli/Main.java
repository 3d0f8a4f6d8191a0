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
        subcommands = {ScanCommand.class, InputsCommand.class, GraphCommand.class, QueryCommand.class, PolicyCommand.class, IamCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the run completed (scan: nothing at or above --fail-on)",
                "  1  scan: findings at or above --fail-on; policy test: a case failed",
                "  2  the run could not be completed as asked (bad input, bad policy, bad query, usage)"})
public final class Main implements Runnable {
    /** Exit code of a run that could not be completed as asked. */
    static final int INCOMPLETE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with these streams and returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
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

    /** A run that cannot go on: one line for stderr, exit code 2. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The version of this build. */
    static String version() {
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
