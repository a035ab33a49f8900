package cn.finance.disclosure.publication.sources;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.department.ProfileSnapshot;
import cn.finance.disclosure.publication.document.ProfileContent;
import cn.finance.disclosure.testing.RecordShapes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile this service keeps and the event's snapshot are separate types with the same members; the recorded copy
 * is mapped without loss, and a copy stored before as the event's JSON reads as the same content.
 */
class ProfileContentMappingTest {

    static final ProfileSnapshot SNAPSHOT = new ProfileSnapshot(2024,
            List.of("贯彻落实党和国家的方针政策。", "负责本部门“三公”经费管理；"),
            List.of(new ProfileSnapshot.Division("办公室", "负责日常运转（含机要、档案）。"),
                    new ProfileSnapshot.Division("财务科", "负责预算编制与执行。")),
            new ProfileSnapshot.DisclosureContact("张三", "023-48612345"));

    @Test
    void givenAnEventSnapshot_whenRecorded_thenEveryMemberIsKeptAndReadsBack() {
        ProfileContent content = Sources.profileContent(SNAPSHOT);

        assertThat(content).isEqualTo(new ProfileContent(2024, SNAPSHOT.functions(),
                List.of(new ProfileContent.Division("办公室", "负责日常运转（含机要、档案）。"),
                        new ProfileContent.Division("财务科", "负责预算编制与执行。")),
                new ProfileContent.DisclosureContact("张三", "023-48612345")));
        String stored = StoredJson.write(content);
        assertThat(StoredJson.read(stored, ProfileContent.class)).isEqualTo(content);
        // what was stored as the event's JSON before this type existed reads as the same content
        assertThat(StoredJson.read(EventJson.write(SNAPSHOT), ProfileContent.class)).isEqualTo(content);
        assertThat(EventJson.MAPPER.readTree(stored)).isEqualTo(EventJson.tree(SNAPSHOT));
    }

    @Test
    void keptProfileAndEventSnapshotHaveTheSameMembersAllTheWayDown() {
        assertThat(RecordShapes.of(ProfileContent.class)).containsExactlyElementsOf(RecordShapes.of(ProfileSnapshot.class));
    }
}
