package io.tasker.metrics.store.file;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.StoreProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Opens {@code file:///absolute/directory} URLs. */
public final class FileStoreProvider implements StoreProvider {
    /** The provider, as {@link java.util.ServiceLoader} makes it. */
    public FileStoreProvider() {}

    @Override
    public List<String> schemes() {
        return List.of("file");
    }

    @Override
    public void check(String url) {
        directory(url);
    }

    @Override
    public CacheStore open(String url, Duration timeout, Clock clock) {
        return FileStore.open(directory(url), clock);
    }

    private static Path directory(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getPath() == null || uri.getPath().isEmpty()) {
                throw new IllegalArgumentException(
                        "File cache URL '" + url + "' has no directory; write it as file:///absolute/path");
            }
            return Path.of(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "File cache URL '" + url + "' is malformed (" + e.getMessage()
                            + "); write it as file:///absolute/path",
                    e);
        }
    }
}
