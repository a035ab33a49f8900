package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.publication.PublicationCorrected;
import cn.finance.disclosure.events.publication.PublicationReleased;
import cn.finance.disclosure.events.publication.PublicationWithdrawn;
import cn.finance.disclosure.publication.document.CanonicalJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Each published event version has a fixture, and the fixture survives a round trip through its record unchanged. */
class PublicationEventsTest {

    @ParameterizedTest
    @CsvSource({
            EventTypes.PUBLICATION_RELEASED + ", cn.finance.disclosure.events.publication.PublicationReleased",
            EventTypes.PUBLICATION_CORRECTED + ", cn.finance.disclosure.events.publication.PublicationCorrected",
            EventTypes.PUBLICATION_WITHDRAWN + ", cn.finance.disclosure.events.publication.PublicationWithdrawn"})
    void givenTheFixtureOfAnEventVersion_whenReadAndWrittenAgain_thenNothingIsLostOrAdded(String type,
                                                                                          Class<?> payloadType) {
        String fixture = Seed.resource("/events/" + type + ".json");
        EventEnvelope envelope = EventJson.readEnvelope(fixture);
        assertThat(envelope.type()).isEqualTo(type);

        Object payload = EventJson.payload(envelope, payloadType);
        JsonNode written = EventJson.tree(payload);

        // compared as canonical JSON: the same members and values, whatever number node types the parser picked
        assertThat(CanonicalJson.canonicalize(written)).isEqualTo(CanonicalJson.canonicalize(envelope.data()));
        assertThat(CanonicalJson.canonicalize(EventJson.MAPPER.readTree(EventJson.write(envelope))))
                .isEqualTo(CanonicalJson.canonicalize(EventJson.MAPPER.readTree(fixture)));
    }

    @org.junit.jupiter.api.Test
    void theKafkaKeyIsCodeSlashYear() {
        assertThat(PublicationReleased.key("405001", 2024)).isEqualTo("405001/2024");
        assertThat(PublicationCorrected.key("405001", 2024)).isEqualTo("405001/2024");
        assertThat(PublicationWithdrawn.key("405001", 2024)).isEqualTo("405001/2024");
    }
}
