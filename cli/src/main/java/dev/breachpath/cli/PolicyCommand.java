package dev.breachpath.cli;

import dev.breachpath.PolicyTests;
import dev.breachpath.policy.PolicyException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "policy", mixinStandardHelpOptions = true, description = "Work with policy packs.",
        subcommands = {PolicyCommand.Test.class})
final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs the test cases of every policy under DIR (each policy folder's tests/*.yaml: inputs, and every "
                    + "finding the policy must report on them). Exit 0 when all pass, 1 when one fails, 2 when a policy or "
                    + "case cannot be read.")
    static final class Test implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of policies.")
        List<Path> dirs;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int passed = 0, failed = 0;
            PolicyTests tests = new PolicyTests();
            for (Path dir : dirs) {
                List<PolicyTests.Outcome> outcomes;
                try {
                    outcomes = tests.run(dir);
                } catch (PolicyException e) {
                    throw new Main.Failure(e.getMessage());
                }
                for (PolicyTests.Outcome o : outcomes) {
                    if (o.passed()) {
                        passed++;
                        out.println("ok    " + o.policy() + "  " + o.file());
                    } else {
                        failed++;
                        out.println("FAIL  " + o.policy() + "  " + o.file());
                        o.missing().forEach(m -> out.println("        missing:    " + m));
                        o.unexpected().forEach(u -> out.println("        unexpected: " + u));
                    }
                }
            }
            out.println((failed == 0 ? "all " : "") + passed + " passed, " + failed + " failed");
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }
}
