package io.cdc4j.capture;

/** The work a capture does while it is the elected owner; implemented by the owner package. */
@FunctionalInterface
public interface OwnerRole {
    /**
     * Runs the owner until leadership ends. Returning, or being interrupted, gives the leadership up.
     *
     * @param captureId the id of the capture that won the election
     */
    void lead(String captureId) throws InterruptedException;
}
