package dev.breachpath.iam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every AWS action with its access level and the resource types it takes, from the Service
 * Authorization Reference (see NOTICE). Advisory: an action the catalogue does not know is still
 * evaluated, by pattern matching alone.
 */
public final class Actions {
    /**
     * One action.
     *
     * @param action        {@code service:Name} as AWS writes it
     * @param level         List, Read, Write, Permissions management or Tagging
     * @param resourceTypes the resource types it takes; empty for an action authorized against {@code *}
     * @param required      for each resource type, whether every call needs one
     */
    public record Action(String action, String level, List<String> resourceTypes, List<Boolean> required) {
        /** Whether it takes no resource: it is authorized against Resource {@code *} only. */
        public boolean wildcardOnly() {
            return resourceTypes.isEmpty();
        }
    }

    private Actions() {}

    private static final class Holder {
        static final Map<String, Action> BY_NAME = load();
    }

    private static final class Types {
        /** ARN patterns by {@code service:resourceType}, with each {@code ${…}} placeholder a wildcard. */
        static final Map<String, List<String>> ARNS = loadTypes();
    }

    /**
     * Whether {@code arn} is of a resource type the action takes: null when the catalogue cannot
     * say (an unknown action, or {@code *}), else the answer and, when it is no, the ARN formats
     * the action takes.
     */
    public static Optional<List<String>> misfit(String action, String arn) {
        Optional<Action> a = get(action);
        if (a.isEmpty() || arn.equals("*") || a.get().wildcardOnly()) {
            return Optional.empty();
        }
        String service = a.get().action().substring(0, a.get().action().indexOf(':'));
        List<String> formats = new ArrayList<>();
        for (String type : a.get().resourceTypes()) {
            for (String pattern : Types.ARNS.getOrDefault(service + ":" + type, List.of())) {
                if (Arns.matches(pattern.replaceAll("\\$\\{[^}]*}", "*"), arn) != Match.NO) {
                    return Optional.empty();
                }
                formats.add(pattern);
            }
        }
        return formats.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(formats));
    }

    /** The action named, in any case. */
    public static Optional<Action> get(String action) {
        return Optional.ofNullable(Holder.BY_NAME.get(action.toLowerCase(Locale.ROOT)));
    }

    /** How many actions the catalogue knows. */
    public static int size() {
        return Holder.BY_NAME.size();
    }

    /** The resource a request for {@code action} on {@code resource} is authorized against: {@code *} for a wildcard-only action. */
    public static String authorizedResource(String action, String resource) {
        return get(action).filter(Action::wildcardOnly).map(a -> "*").orElse(resource);
    }

    private static Map<String, List<String>> loadTypes() {
        Map<String, List<String>> out = new HashMap<>(4096);
        Catalogue.read("/dev/breachpath/iam/resource-types.tsv.gz", (service, rest) -> {
            String[] f = rest.split("\t", -1);
            List<String> patterns = new ArrayList<>();
            for (String p : f[1].split(", ")) {
                patterns.add(p.trim());
            }
            out.put(service + ":" + f[0], List.copyOf(patterns));
        });
        return Map.copyOf(out);
    }

    private static Map<String, Action> load() {
        Map<String, Action> out = new HashMap<>(1 << 15);
        Catalogue.read("/dev/breachpath/iam/actions.tsv.gz", (service, rest) -> {
            String[] f = rest.split("\t", -1);
            List<String> types = new ArrayList<>();
            List<Boolean> required = new ArrayList<>();
            if (f.length > 2 && !f[2].isEmpty()) {
                for (String t : f[2].split(",")) {
                    boolean r = t.endsWith("*");
                    types.add(r ? t.substring(0, t.length() - 1) : t);
                    required.add(r);
                }
            }
            String name = service + ":" + f[0];
            out.put(name.toLowerCase(Locale.ROOT), new Action(name, f[1], List.copyOf(types), List.copyOf(required)));
        });
        return Map.copyOf(out);
    }
}
