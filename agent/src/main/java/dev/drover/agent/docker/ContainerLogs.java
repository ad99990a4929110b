package dev.drover.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.util.concurrent.TimeUnit;

/** A finished container's output (stdout and stderr as they interleaved), its head and tail within a byte limit. */
final class ContainerLogs {
    private ContainerLogs() {
    }

    static String collect(DockerClient docker, String containerId, int limit) {
        HeadTail output = new HeadTail(limit);
        try {
            boolean complete = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(false)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            output.add(frame.getPayload());
                        }
                    })
                    .awaitCompletion(60, TimeUnit.SECONDS);
            return complete ? output.text() : output.text() + "\n[drover: reading the output took too long; cut here]\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return output.text();
        } catch (RuntimeException e) {
            return output.text() + "\n[drover: the container's output could not be read: " + e.getMessage() + "]\n";
        }
    }
}
