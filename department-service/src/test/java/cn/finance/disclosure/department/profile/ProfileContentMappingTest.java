package cn.finance.disclosure.department.profile;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.department.ProfileSnapshot;
import cn.finance.disclosure.testing.RecordShapes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored profile and the event's snapshot are separate types with the same members, mapped without loss. */
class ProfileContentMappingTest {

    @Test
    void givenAStoredProfile_whenItsEventSnapshotIsBuilt_thenEveryMemberArrivesAndTheJsonIsTheSame() {
        ProfileContent content = new ProfileContent(2024, List.of("贯彻落实党和国家的方针政策。", "负责本部门“三公”经费管理；"),
                List.of(new ProfileContent.Division("办公室", "负责日常运转（含机要、档案）。"),
                        new ProfileContent.Division("财务科", "负责预算编制与执行。")),
                new ProfileContent.DisclosureContact("张三", "023-48612345"));

        ProfileSnapshot payload = DepartmentProfile.payload(content);

        assertThat(payload).isEqualTo(new ProfileSnapshot(2024, content.functions(),
                List.of(new ProfileSnapshot.Division("办公室", "负责日常运转（含机要、档案）。"),
                        new ProfileSnapshot.Division("财务科", "负责预算编制与执行。")),
                new ProfileSnapshot.DisclosureContact("张三", "023-48612345")));
        assertThat(EventJson.tree(payload)).isEqualTo(EventJson.tree(content));
    }

    @Test
    void storedProfileAndEventSnapshotHaveTheSameMembersAllTheWayDown() {
        assertThat(RecordShapes.of(ProfileContent.class)).containsExactlyElementsOf(RecordShapes.of(ProfileSnapshot.class));
    }
}
