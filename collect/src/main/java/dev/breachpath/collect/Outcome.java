package dev.breachpath.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * How a failed call ended, in the manifest's words, with a detail that names the error code and
 * what it means, and never quotes the service's message (which can hold request values).
 *
 * @param status what became of the call
 * @param detail the error code or cause, for the manifest
 * @param absent true when the failure only says the thing asked for is not there
 */
record Outcome(Snapshot.Status status, String detail, boolean absent) {

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "AuthorizationErrorException", "UnauthorizedAccess", "Forbidden", "Client.UnauthorizedOperation");
    private static final Set<String> REGION_DISABLED = Set.of("OptInRequired", "AuthFailure", "UnrecognizedClientException",
            "InvalidClientTokenId");

    /** What a call that threw {@code e} came to, for an operation {@code op} made in {@code region}. */
    static Outcome of(Throwable e, Op op, boolean homeRegion) {
        if (e instanceof ApiCallTimeoutException) {
            return new Outcome(Snapshot.Status.TIMEOUT, "the call took longer than its timeout, retries included", false);
        }
        if (e instanceof ApiCallAttemptTimeoutException || cause(e, SocketTimeoutException.class)) {
            return new Outcome(Snapshot.Status.TIMEOUT, "the service did not answer within the attempt timeout", false);
        }
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            String said = (code == null ? "no error code" : code) + ", HTTP " + ase.statusCode();
            if (code != null && op.absent().contains(code)) {
                return new Outcome(Snapshot.Status.OK, code, true);
            }
            if ((code != null && DENIED.contains(code)) || (code == null && ase.statusCode() == 403)) {
                return new Outcome(Snapshot.Status.DENIED, said + why(ase.getMessage()), false);
            }
            if (ase.isThrottlingException()) {
                return new Outcome(Snapshot.Status.THROTTLED, said + ", still throttled after every retry", false);
            }
            if (code != null && REGION_DISABLED.contains(code) && !homeRegion) {
                return new Outcome(Snapshot.Status.REGION_DISABLED, said + ": the region is not enabled for the account", false);
            }
            return new Outcome(Snapshot.Status.ERROR, said, false);
        }
        if (cause(e, ConnectException.class)) {
            return new Outcome(Snapshot.Status.ERROR, "cannot connect to the endpoint", false);
        }
        if (cause(e, UnknownHostException.class)) {
            return new Outcome(Snapshot.Status.ERROR, "the endpoint's host name does not resolve", false);
        }
        if (unreadable(e)) {
            return new Outcome(Snapshot.Status.ERROR, "the response could not be read (cut short or damaged)", false);
        }
        if (cause(e, IOException.class)) {
            return new Outcome(Snapshot.Status.ERROR, "the connection failed while the response was read", false);
        }
        // the class only: an SDK message may quote what it was given
        return new Outcome(Snapshot.Status.ERROR, "failed: " + e.getClass().getSimpleName(), false);
    }

    /** A response the SDK could not parse: XML or JSON cut short or not of the protocol's shape. */
    private static boolean unreadable(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("javax.xml.stream.") || name.contains("XMLStream") || name.endsWith("JsonParseException")
                    || name.endsWith("JsonEOFException") || name.endsWith("JsonMappingException")
                    || (t.getMessage() != null && t.getMessage().startsWith("Unable to unmarshall"))) {
                return true;
            }
        }
        return false;
    }

    /** Which kind of policy denied, where AWS says so: never the message itself. */
    private static String why(String message) {
        String m = message == null ? "" : message;
        if (m.contains("service control policy")) {
            return ", an explicit deny in a service control policy";
        }
        if (m.contains("resource control policy")) {
            return ", an explicit deny in a resource control policy";
        }
        if (m.contains("permissions boundary")) {
            return ", by a permissions boundary";
        }
        if (m.contains("explicit deny")) {
            return ", an explicit deny";
        }
        return "";
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
