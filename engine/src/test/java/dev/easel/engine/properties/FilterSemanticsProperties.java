package dev.easel.engine.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.easel.engine.properties.SchemaModel.TableModel;
import dev.easel.engine.query.Query;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.table.Row;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The engine's parser and evaluator agree with the test's own reading of random filters. */
class FilterSemanticsProperties {
    @Property(tries = 500)
    void randomFiltersMatchWhatTheModelSays(@ForAll("schemas") SchemaModel model, @ForAll long filterSeed,
            @ForAll boolean lowerKeywords, @ForAll @Size(max = 10) List<@IntRange(max = 1000) Integer> rows,
            @ForAll("senders") String sender) {
        Schema schema = model.build();
        TableModel table = model.tables().get(0);
        FilterModel filter = FilterModel.random(table, filterSeed, 4);
        String sql = FilterModel.query(table, filter, lowerKeywords);
        Query.Bound bound = Query.parse(sql, schema).bind(Map.of("sender", sender));
        for (int choice : rows) {
            Row row = Row.wrap(table.row(table.key(choice), choice));
            assertEquals(filter.test(row, sender), bound.matches(row), () -> sql + " on " + row);
        }
    }

    @Provide
    Arbitrary<SchemaModel> schemas() {
        return SchemaModel.arbitrary();
    }

    @Provide
    Arbitrary<String> senders() {
        return Arbitraries.of("me", "you", "a");
    }
}
