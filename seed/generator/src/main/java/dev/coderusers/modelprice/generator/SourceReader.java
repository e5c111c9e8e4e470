package dev.coderusers.modelprice.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Reads the models.dev catalogue from a URL or a file, whole, within a time limit and a size cap.
 *
 * <p>Each failure ends as one {@link GeneratorException} whose message is the line the user sees. Nothing
 * is returned unless the whole body arrived, so a cut-off download can never become a price book.
 */
public final class SourceReader {

    /** models.dev serves about 2.4 MB today; the cap only stops a runaway or wrong answer. */
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    /** For connecting, and separately for the whole exchange including the body. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Duration timeout;
    private final long maxBytes;

    public SourceReader(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    public static SourceReader withDefaults() {
        return new SourceReader(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
    }

    /** The bytes of the source, complete. */
    public byte[] read(String source) throws GeneratorException {
        return GeneratorOptions.isUrl(source) ? fetch(source) : readFile(Path.of(source));
    }

    private byte[] readFile(Path file) throws GeneratorException {
        try {
            if (Files.isDirectory(file)) {
                throw new GeneratorException("source " + file + " is a directory, not a models.dev api.json file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new GeneratorException(
                        "source " + file + " is " + size + " bytes, over the size cap of " + describeSize(maxBytes));
            }
            byte[] bytes = Files.readAllBytes(file);
            // The file may have grown between the two calls; the cap holds for what was read.
            if (bytes.length > maxBytes) {
                throw new GeneratorException("source " + file + " is over the size cap of " + describeSize(maxBytes));
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new GeneratorException("source file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new GeneratorException("source file " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new GeneratorException("source file " + file + " cannot be read: " + describe(e));
        }
    }

    private byte[] fetch(String url) throws GeneratorException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new GeneratorException("source URL " + url + " is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw new GeneratorException("source URL " + url + " has no host");
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "coder-users-price-book-generator")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(
                request,
                info -> info.statusCode() == 200
                        ? new CappedBody(
                                maxBytes,
                                info.headers()
                                        .firstValueAsLong("Content-Length")
                                        .orElse(-1))
                        : BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers only the wait for the headers; this one covers the body too,
            // so a server that trickles bytes cannot hold the generator forever.
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new GeneratorException(
                    "GET " + url + " did not complete within " + describe(timeout) + " (timed out)");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new GeneratorException("GET " + url + " was interrupted");
        } catch (ExecutionException e) {
            throw new GeneratorException(failure(url, uri, e.getCause()), e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new GeneratorException(
                    "GET " + url + " answered HTTP " + response.statusCode() + "; expected 200 with the catalogue");
        }
        return response.body();
    }

    private String failure(String url, URI uri, Throwable cause) {
        String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (cause instanceof TooLargeException) {
            return "GET " + url + " returned more than the size cap of " + describeSize(maxBytes)
                    + "; refusing to read further";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "cannot connect to " + where + " within " + describe(timeout) + " (timed out; offline?)";
        }
        if (cause instanceof HttpTimeoutException) {
            return "GET " + url + " got no answer within " + describe(timeout) + " (timed out)";
        }
        // The JDK client wraps a failed lookup in a ConnectException, so the lookup is checked first.
        if (hasCause(cause, UnresolvedAddressException.class) || hasCause(cause, UnknownHostException.class)) {
            return "cannot resolve host " + uri.getHost()
                    + " (offline, or no DNS here? use --source <file> with a saved api.json)";
        }
        if (hasCause(cause, ConnectException.class)) {
            return "cannot connect to " + where + ": connection refused or no route"
                    + " (offline, or the host is not reachable from here? use --source <file> with a saved api.json)";
        }
        if (cause instanceof SSLException) {
            return "TLS with " + where + " failed: " + describe(cause);
        }
        return "GET " + url + " failed: " + describe(cause);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    static String describeSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    /** The body went over the cap; the exchange is cancelled rather than read to the end. */
    private static final class TooLargeException extends IOException {
        TooLargeException() {
            super("response body over the size cap");
        }
    }

    /** Collects the body up to {@code maxBytes}, failing as soon as it is known to be larger. */
    private static final class CappedBody implements BodySubscriber<byte[]> {
        private final long maxBytes;
        private final long declaredLength;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(long maxBytes, long declaredLength) {
            this.maxBytes = maxBytes;
            this.declaredLength = declaredLength;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declaredLength > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException());
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (buffer.size() + (long) item.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
