package com.aftersales.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.gateway.ticket.TicketListParams;
import jakarta.validation.constraints.Max;
import org.junit.jupiter.api.Test;

/** GraphQL settings that would only fail later, at a request, are refused at startup. */
class GraphQlPropertiesTest {

    @Test
    void a_page_larger_than_rests_largest_limit_is_refused_at_startup() throws Exception {
        int restMax = (int) TicketListParams.class.getDeclaredField("limit").getAnnotation(Max.class).value();
        assertThat(GraphQlProperties.REST_MAX_LIMIT).isEqualTo(restMax);
        GraphQlProperties properties = new GraphQlProperties();
        properties.setMaxPageSize(restMax);
        assertThatThrownBy(() -> properties.setMaxPageSize(restMax + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> properties.setMaxPageSize(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
