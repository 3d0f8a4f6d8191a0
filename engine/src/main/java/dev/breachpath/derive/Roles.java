package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.iam.Match;
import org.apache.jena.graph.Node;

/**
 * {@code bp:runsAs}: compute that holds a role's credentials: an instance (or Auto Scaling
 * group, through its launch template) by its instance profile, noting whether IMDSv1 answers; a
 * Lambda function by its execution role; an ECS task by its task role.
 */
record Roles(View v, Witnesses out) {
    void derive() {
        for (Node c : v.ofType(BP.Compute)) {
            if (v.is(c, BP.LambdaFunction)) {
                Node role = v.link(c, BP.role);
                if (role != null) {
                    out.edge(c, BP.runsAs, role, Match.YES).rule("role.lambda-execution")
                            .evidence(v.label(c) + " runs with execution role " + v.label(role)).summary("execution role");
                }
            } else if (v.is(c, BP.EcsTaskDefinition)) {
                Node role = v.link(c, BP.taskRole);
                if (role != null) {
                    out.edge(c, BP.runsAs, role, Match.YES).rule("role.ecs-task")
                            .evidence(v.label(c) + " containers run as task role " + v.label(role)).summary("task role");
                }
            } else {
                profile(c);
            }
        }
    }

    private void profile(Node c) {
        Node source = c;
        Node profile = v.link(c, BP.instanceProfile);
        Node template = v.link(c, BP.launchTemplate);
        if (profile == null && template != null) {
            profile = v.link(template, BP.instanceProfile);
            source = template;
        }
        if (profile == null) {
            return;
        }
        Node imdsSource = v.has(c, BP.imdsTokens) || template == null ? c : template;
        String tokens = v.unknown(imdsSource, BP.imdsTokens) ? "unknown" : v.string(imdsSource, BP.imdsTokens).orElse("not set");
        boolean v1 = !tokens.equals("required");
        for (Node role : v.links(profile, BP.role)) {
            var e = out.edge(c, BP.runsAs, role, Match.YES).rule("role.instance-profile").via(profile)
                    .evidence((source.equals(c) ? "" : v.label(source) + " gives ") + "instance profile " + v.label(profile) + " with role " + v.label(role))
                    .evidence("metadata http_tokens " + tokens + (v1 ? ": IMDSv1 answers, so a request forgery can read the role's keys" : ": IMDSv2 only"))
                    .summary("instance profile " + v.label(profile) + (v1 ? ", IMDSv1" : ", IMDSv2 only"));
            e.imdsV1 = v1;
        }
    }
}
