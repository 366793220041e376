package io.objectledger.ingest.redrive;

/** A re-drive as it is kept on the re-drives topic (keyed by its id): what was asked, and how far it is. */
public record Redrive(RedriveDefinition definition, RedriveProgress progress) {

    public String id() {
        return definition.id();
    }

    public Redrive with(RedriveProgress newProgress) {
        return new Redrive(definition, newProgress);
    }
}
