package com.qteria.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.assessment.AssessmentEvent.AssessmentStarted;
import com.qteria.assessment.AssessmentId;
import com.qteria.document.DocumentEvent.DocumentUploaded;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentRead;
import com.qteria.document.DocumentStatus;
import com.qteria.shared.Ids;
import com.qteria.shared.TenantId;
import com.qteria.support.QteriaTest;
import com.qteria.workflow.WorkflowId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * The events that listeners receive through the event publication registry are stored as JSON and read back when
 * they are handed out again (EventResubmission): the typed ids in them are written as the bare UUID and read back
 * from it, so publications stored before the ids were typed read back too.
 */
@QteriaTest
class EventSerializationTests {

    @Autowired
    EventSerializer serializer;

    @Test
    void registeredEventsReadBackAsTheyWereWritten() {
        TenantId tenant = new TenantId(Ids.next());
        List<Object> events = List.of(
                new AssessmentStarted(tenant, "a@example.com", new AssessmentId(Ids.next()),
                        new WorkflowId(Ids.next()), 3, "Project 4711"),
                new DocumentUploaded(tenant, "a@example.com", new DocumentId(Ids.next()), "report.pdf", 1234, "ab12"),
                new DocumentRead(tenant, new DocumentId(Ids.next()), DocumentStatus.READY));
        for (Object event : events) {
            Object stored = serializer.serialize(event);
            assertThat(serializer.deserialize(stored, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void typedIdsAreStoredAsTheBareUuid() {
        UUID assessment = Ids.next();
        UUID workflow = Ids.next();
        String stored = serializer.serialize(new AssessmentStarted(new TenantId(Ids.next()), "a@example.com",
                new AssessmentId(assessment), new WorkflowId(workflow), 1, null)).toString();

        assertThat(stored).contains("\"" + assessment + "\"").contains("\"" + workflow + "\"")
                .doesNotContain("\"value\":\"" + assessment);
    }
}
