package dev.breachpath.load.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * A resource instance address as Terraform prints it: module instances, then
 * {@code [data.]TYPE.NAME[KEY]}. For example
 * {@code module.app["blue"].module.iam.aws_iam_role.this}.
 *
 * @param modules the module instances from the root, each a call name with an optional key
 * @param data    true for a data source
 * @param type    the resource type
 * @param name    the resource name
 * @param key     the instance key, or null
 */
record Address(List<ModuleStep> modules, boolean data, String type, String name, InstanceKey key) {

    /** One module instance in an address. */
    record ModuleStep(String name, InstanceKey key) {
        @Override
        public String toString() {
            return "module." + name + (key == null ? "" : key.bracketed());
        }
    }

    /** The module instance address, e.g. {@code module.app["blue"]}; empty for the root module. */
    String moduleInstance() {
        return moduleInstance(modules);
    }

    static String moduleInstance(List<ModuleStep> steps) {
        StringBuilder out = new StringBuilder();
        for (ModuleStep step : steps) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(step);
        }
        return out.toString();
    }

    /** The module call path without keys, e.g. {@code module.app.module.iam}: where the configuration is. */
    String moduleCall() {
        StringBuilder out = new StringBuilder();
        for (ModuleStep step : modules) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append("module.").append(step.name());
        }
        return out.toString();
    }

    /** {@code data.TYPE.NAME} or {@code TYPE.NAME}: the resource within its module, without key. */
    String resourceInModule() {
        return (data ? "data." : "") + type + "." + name;
    }

    @Override
    public String toString() {
        String module = moduleInstance();
        return (module.isEmpty() ? "" : module + ".") + resourceInModule() + (key == null ? "" : key.bracketed());
    }

    /**
     * Parses an address.
     *
     * @throws IllegalArgumentException if it is not a resource instance address
     */
    static Address parse(String address) {
        Parser p = new Parser(address);
        List<ModuleStep> modules = new ArrayList<>();
        while (p.startsWith("module.")) {
            p.expect("module.");
            String name = p.identifier();
            InstanceKey key = p.optionalKey();
            p.expect(".");
            modules.add(new ModuleStep(name, key));
        }
        boolean data = false;
        if (p.startsWith("data.")) {
            p.expect("data.");
            data = true;
        }
        String type = p.identifier();
        p.expect(".");
        String name = p.identifier();
        InstanceKey key = p.optionalKey();
        p.end();
        return new Address(List.copyOf(modules), data, type, name, key);
    }

    /** A small cursor over address and reference text. */
    static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean startsWith(String prefix) {
            return s.startsWith(prefix, i);
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return s.charAt(i);
        }

        void expect(String text) {
            if (!s.startsWith(text, i)) {
                throw new IllegalArgumentException("expected '" + text + "' at " + i);
            }
            i += text.length();
        }

        String identifier() {
            int start = i;
            while (i < s.length() && isIdentifierChar(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("expected a name at " + start);
            }
            return s.substring(start, i);
        }

        InstanceKey optionalKey() {
            if (atEnd() || peek() != '[') {
                return null;
            }
            i++;
            if (atEnd()) {
                throw new IllegalArgumentException("unterminated key");
            }
            InstanceKey key;
            if (peek() == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (atEnd()) {
                        throw new IllegalArgumentException("unterminated key");
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\' && !atEnd()) {
                        char e = s.charAt(i++);
                        text.append(switch (e) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            default -> e;
                        });
                    } else {
                        text.append(c);
                    }
                }
                key = InstanceKey.ofString(text.toString());
            } else {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '*')) {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("expected a key at " + start);
                }
                key = new InstanceKey(s.substring(start, i));
            }
            expect("]");
            return key;
        }

        void end() {
            if (!atEnd()) {
                throw new IllegalArgumentException("unexpected text at " + i);
            }
        }

        private static boolean isIdentifierChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-';
        }
    }
}
