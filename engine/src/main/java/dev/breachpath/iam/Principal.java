package dev.breachpath.iam;

import java.util.Locale;

/**
 * Who makes a request: an IAM user, a session of a role, a federated user, an account's root
 * user, an AWS service, or nobody (an anonymous request).
 *
 * @param kind    what it is
 * @param arn     its ARN as given (a role's ARN stands for a session of that role), the service
 *                name for a service, or null when anonymous
 * @param account its account id, or null
 * @param name    the user, role, federated user or service name
 * @param path    the role's or user's path when known ({@code /} by default), or null when it is
 *                not known (a session ARN drops it)
 * @param session the session name of a role session, if known
 */
public record Principal(Kind kind, String arn, String account, String name, String path, String session) {
    /** The kinds of principal. */
    public enum Kind { USER, ROLE_SESSION, FEDERATED_USER, ROOT, SERVICE, ANONYMOUS }

    /** The principal of an anonymous request. */
    public static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, null, null, null, null, null);

    /**
     * Reads a principal from its ARN ({@code arn:aws:iam::A:user/…}, {@code …:role/…},
     * {@code arn:aws:sts::A:assumed-role/R/S}, {@code …:federated-user/N}, {@code arn:aws:iam::A:root})
     * or a service name ({@code ec2.amazonaws.com}).
     *
     * @throws IllegalArgumentException if it is none of these; the message does not quote it
     */
    public static Principal of(String text) {
        if (text.endsWith(".amazonaws.com") || text.endsWith(".amazonaws.com.cn")) {
            return new Principal(Kind.SERVICE, text, null, text, null, null);
        }
        String[] p = text.split(":", 6);
        if (p.length != 6 || !p[0].equals("arn")) {
            throw new IllegalArgumentException("a principal is an IAM or STS ARN or a service name");
        }
        String account = p[4];
        String resource = p[5];
        if (p[2].equals("iam") && resource.equals("root")) {
            return new Principal(Kind.ROOT, text, account, null, null, null);
        }
        int slash = resource.indexOf('/');
        int last = resource.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a principal ARN names a user, role, session or root");
        }
        String type = resource.substring(0, slash);
        String name = resource.substring(last + 1);
        String path = resource.substring(slash, last + 1);
        if (p[2].equals("iam") && type.equals("user")) {
            return new Principal(Kind.USER, text, account, name, path, null);
        }
        if (p[2].equals("iam") && type.equals("role")) {
            return new Principal(Kind.ROLE_SESSION, text, account, name, path, null);
        }
        if (p[2].equals("sts") && type.equals("assumed-role") && slash != last) {
            String role = resource.substring(slash + 1, last);
            return new Principal(Kind.ROLE_SESSION, text, account, role, null, name);
        }
        if (p[2].equals("sts") && type.equals("federated-user")) {
            return new Principal(Kind.FEDERATED_USER, text, account, name, null, null);
        }
        throw new IllegalArgumentException("a principal ARN names a user, role, session or root");
    }

    /** Whether it is a session (of a role, or of a federated user). */
    public boolean isSession() {
        return kind == Kind.ROLE_SESSION || kind == Kind.FEDERATED_USER;
    }

    /** Whether it is a service-linked role, which service control policies do not restrict. */
    public boolean isServiceLinked() {
        return kind == Kind.ROLE_SESSION && (name.startsWith("AWSServiceRoleFor") || "/aws-service-role/".equals(pathPrefix()));
    }

    private String pathPrefix() {
        if (path == null || path.length() < 2) {
            return path;
        }
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second + 1);
    }

    /** The partition of its ARN, {@code aws} by default. */
    public String partition() {
        if (arn == null || !arn.startsWith("arn:")) {
            return "aws";
        }
        return arn.split(":", 3)[1];
    }

    /** The value of {@code aws:PrincipalType}. */
    public String type() {
        return switch (kind) {
            case USER -> "User";
            case ROLE_SESSION -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
            case ROOT -> "Account";
            case SERVICE -> "Service";
            case ANONYMOUS -> "Anonymous";
        };
    }

    /** The principal's ARN as a request context carries it in {@code aws:PrincipalArn}: a role, not its session. */
    public String principalArn() {
        if (kind == Kind.ROLE_SESSION) {
            return "arn:" + partition() + ":iam::" + account + ":role" + (path == null ? "/" : path) + name;
        }
        return arn;
    }

    /** A short description for messages. */
    public String describe() {
        return kind == Kind.ANONYMOUS ? "an anonymous caller" : kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + arn;
    }
}
