package dev.breachpath.load.aws;

/**
 * Where a response's translation goes: the resources it describes, and for each element it
 * cannot use, why. Every element of a response ends in exactly one of these.
 */
interface Out {
    /** A resource (or what the response tells of one: its policy, its user data). */
    void add(Tf resource);

    /** An element of a kind breachpath does not model yet, counted by its AWS type. */
    void unmodelled(String awsType, String element);

    /** An element that cannot be used, and why (in our words; never its content). */
    void rejected(String element, String reason);

    /** Where the response came from: the account, region and request parameters, where known. */
    Context context();

    /** What is known of the call that returned a response. */
    interface Context {
        /** A parameter of the request (from the snapshot's manifest), or null. */
        String parameter(String name);

        /** The operation that returned the response, as the manifest names it, or null. */
        String operation();

        /** The region the call was made in, or null. */
        String region();

        /** The account the call was made in, or null. */
        String account();
    }
}
