package dev.scope.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a server process alive until SIGTERM/SIGINT, then closes what it started. */
final class Processes {
    private Processes() {
    }

    interface Closer {
        void close() throws Exception;
    }

    static int runUntilStopped(Closer closer) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                closer.close();
            } catch (Exception e) {
                System.err.println("scope: error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
        return 0;
    }
}
