package dev.breachpath.iam;

/**
 * Policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'default'}}, and the
 * escapes {@code ${*}}, {@code ${?}}, {@code ${$}}) substituted into a Resource pattern or a
 * condition value. Substituted text is literal: a {@code *} in a tag value is not a wildcard.
 */
final class Variables {
    /**
     * The result of substituting: the pattern (with {@link Glob#ESCAPE}s), or null when a variable
     * has no value (the pattern then matches nothing), and whether the result is sure or depends
     * on a key that is unknown (its variable then stands for {@code *}).
     */
    record Substituted(String pattern, Match sure) {
        static final Substituted NONE = new Substituted(null, Match.YES);
    }

    private Variables() {}

    static Substituted substitute(String text, RequestContext context) {
        int open = text.indexOf("${");
        if (open < 0) {
            return new Substituted(text, Match.YES);
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        Match sure = Match.YES;
        int at = 0;
        while (open >= 0) {
            int close = text.indexOf('}', open);
            if (close < 0) {
                break;
            }
            out.append(text, at, open);
            String inside = text.substring(open + 2, close).trim();
            if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
                out.append(Glob.escape(inside));
            } else {
                String key = inside;
                String fallback = null;
                int comma = inside.indexOf(',');
                if (comma >= 0) {
                    key = inside.substring(0, comma).trim();
                    String d = inside.substring(comma + 1).trim();
                    if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
                        fallback = d.substring(1, d.length() - 1);
                    }
                }
                RequestContext.Lookup value = context.lookup(key);
                switch (value.state()) {
                    case PRESENT -> {
                        if (value.values().size() != 1) {
                            return Substituted.NONE; // a multivalued key is no variable
                        }
                        out.append(Glob.escape(value.values().get(0)));
                    }
                    case ABSENT -> {
                        if (fallback == null) {
                            return Substituted.NONE;
                        }
                        out.append(Glob.escape(fallback));
                    }
                    case UNKNOWN -> {
                        out.append('*');
                        sure = Match.MAYBE;
                    }
                }
            }
            at = close + 1;
            open = text.indexOf("${", at);
        }
        out.append(text, at, text.length());
        return new Substituted(out.toString(), sure);
    }
}
