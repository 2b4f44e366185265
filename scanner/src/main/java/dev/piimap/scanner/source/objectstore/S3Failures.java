package dev.piimap.scanner.source.objectstore;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.regex.Pattern;

/**
 * Says what went wrong in an S3 call in words fit for an outcome or a source error: the HTTP status
 * and S3 error code of a service error, or the class of a failure that got no response. Never the
 * SDK's message, which may carry the endpoint, the request URL or the key.
 */
final class S3Failures {
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9.]{1,64}");
    /** Cause chains are followed this far, so that a cyclic chain cannot loop. */
    private static final int MAX_CAUSES = 16;

    private S3Failures() {
    }

    /** Why a listing failed, with the fix where there is an obvious one. */
    static String listing(SdkException e) {
        if (e instanceof AwsServiceException s) {
            int status = s.statusCode();
            String code = status(s);
            return switch (status) {
                case 404 -> "bucket not found (" + code + "); check the bucket in 'root'";
                case 403 -> "access denied (" + code + "); check s3.access-key and s3.secret-key";
                case 400, 401 -> "request rejected (" + code + "); check the credentials and s3.region";
                case 301, 307 -> "bucket is in another region or needs another endpoint (" + code + "); set s3.region or s3.endpoint";
                default -> "listing failed (" + code + ")";
            };
        }
        return "no answer from the endpoint, or no credentials (" + clientFailure(e) + "); check s3.endpoint and the keys";
    }

    /** Why one object could not be opened. */
    static String read(SdkException e) {
        if (e instanceof AwsServiceException s) {
            return switch (s.statusCode()) {
                case 404 -> "object removed after listing (S3 404)";
                case 403 -> "access denied (S3 403)";
                case 412 -> "object changed after listing (S3 412)";
                default -> "read failed (" + status(s) + ")";
            };
        }
        return "read failed (" + clientFailure(e) + ")";
    }

    /** {@code S3 403 AccessDenied}: the status and, when it looks like one, the S3 error code. */
    static String status(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return "S3 " + e.statusCode() + (code != null && SAFE_CODE.matcher(code).matches() ? " " + code : "");
    }

    /** {@code SdkClientException: ConnectException}: the failure's class and that of its root cause. */
    static String clientFailure(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < MAX_CAUSES && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        String cls = e.getClass().getSimpleName();
        return root == e ? cls : cls + ": " + root.getClass().getSimpleName();
    }
}
