package dev.breachpath.load.terraform;

import java.util.Optional;

/**
 * One entry of a configuration expression's {@code references}: what the expression reads. Only
 * the kinds that can lead to a resource are told apart.
 *
 * @param kind   what is referred to
 * @param target for {@link Kind#RESOURCE}: {@code [data.]TYPE.NAME}; for {@link Kind#MODULE}: the
 *               call name; for {@link Kind#VARIABLE}: the variable name
 * @param key    the instance key given in the reference, or null
 * @param rest   what follows: for a module, the output name (or null for the whole module);
 *               for a resource, the attribute (or null)
 */
record Reference(Kind kind, String target, InstanceKey key, String rest) {

    /** The kinds of referenced objects. */
    enum Kind { RESOURCE, MODULE, VARIABLE, EACH_VALUE, EACH_KEY, COUNT_INDEX, OTHER }

    /** Parses a reference; unparseable text gives {@link Kind#OTHER}. */
    static Reference parse(String text) {
        try {
            return parseStrict(text);
        } catch (IllegalArgumentException e) {
            return new Reference(Kind.OTHER, text, null, null);
        }
    }

    private static Reference parseStrict(String text) {
        if (text.equals("each.key")) {
            return new Reference(Kind.EACH_KEY, text, null, null);
        }
        if (text.equals("count.index")) {
            return new Reference(Kind.COUNT_INDEX, text, null, null);
        }
        if (text.startsWith("each.value")) {
            return new Reference(Kind.EACH_VALUE, text, null, null);
        }
        Address.Parser p = new Address.Parser(text);
        if (p.startsWith("var.")) {
            p.expect("var.");
            return new Reference(Kind.VARIABLE, p.identifier(), null, null);
        }
        if (p.startsWith("module.")) {
            p.expect("module.");
            String name = p.identifier();
            InstanceKey key = p.optionalKey();
            String output = null;
            if (!p.atEnd() && p.peek() == '.') {
                p.expect(".");
                output = p.identifier();
            }
            return new Reference(Kind.MODULE, name, wildcardless(key), output);
        }
        for (String other : new String[] {"local.", "path.", "terraform.", "self.", "each.", "count.", "provider::"}) {
            if (p.startsWith(other)) {
                return new Reference(Kind.OTHER, text, null, null);
            }
        }
        boolean data = p.startsWith("data.");
        if (data) {
            p.expect("data.");
        }
        String type = p.identifier();
        p.expect(".");
        String name = p.identifier();
        InstanceKey key = p.optionalKey();
        String attribute = null;
        if (!p.atEnd() && p.peek() == '.') {
            p.expect(".");
            attribute = p.identifier();
        }
        return new Reference(Kind.RESOURCE, (data ? "data." : "") + type + "." + name, wildcardless(key), attribute);
    }

    private static InstanceKey wildcardless(InstanceKey key) {
        return key == null || key.text().equals("*") ? null : key;
    }

    /** The attribute or output this reference reads, if any. */
    Optional<String> restName() {
        return Optional.ofNullable(rest);
    }
}
