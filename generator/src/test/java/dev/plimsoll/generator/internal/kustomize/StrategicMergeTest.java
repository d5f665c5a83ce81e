package dev.plimsoll.generator.internal.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.generator.internal.json.Json;
import dev.plimsoll.generator.internal.json.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {

    private static final Schema DEPLOYMENT = Schema.of(new ObjectId("apps/v1", "Deployment", "shop", "web"));
    private static final Schema WIDGET = Schema.of(new ObjectId("example.com/v1", "Widget", "shop", "w"));

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    private static JsonNode containers(String containers) throws Exception {
        return json("{'spec':{'template':{'spec':{'containers':" + containers + "}}}}");
    }

    @Test
    void common_keyedList_sharedItemsInFirstOrder_keyOnlyItemsLeftOut() throws Exception {
        // given
        JsonNode dev =
                containers("[{'name':'web','image':'a','env':[{'name':'A','value':'1'},{'name':'B','value':'x'}]}]");
        JsonNode prod =
                containers("[{'name':'web','image':'a','env':[{'name':'B','value':'y'},{'name':'A','value':'1'}]}]");

        // when
        JsonNode common = StrategicMerge.common(List.of(dev, prod), DEPLOYMENT);

        // then
        assertThat(common).isEqualTo(containers("[{'name':'web','image':'a','env':[{'name':'A','value':'1'}]}]"));
    }

    @Test
    void diff_newItemBeforeSharedOnes_patchNamesOnlyTheNewItem() throws Exception {
        // given: kustomize puts patch items first, then the base items the patch does not name
        JsonNode base = containers("[{'name':'web','env':[{'name':'A','value':'1'}]}]");
        JsonNode target = containers("[{'name':'web','env':[{'name':'B','value':'2'},{'name':'A','value':'1'}]}]");

        // when
        JsonNode patch = StrategicMerge.diff(base, target, DEPLOYMENT);

        // then
        assertThat(patch).isEqualTo(containers("[{'name':'web','env':[{'name':'B','value':'2'}]}]"));
        assertThat(StrategicMerge.merge(base, patch, DEPLOYMENT)).isEqualTo(target);
    }

    @Test
    void diff_newItemAfterSharedOne_sharedItemKeepsItsPlaceByKey() throws Exception {
        // given
        JsonNode base = containers("[{'name':'web','env':[{'name':'A','value':'1'}]}]");
        JsonNode target = containers("[{'name':'web','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]");

        // when
        JsonNode patch = StrategicMerge.diff(base, target, DEPLOYMENT);

        // then
        assertThat(patch).isEqualTo(containers("[{'name':'web','env':[{'name':'A'},{'name':'B','value':'2'}]}]"));
        assertThat(StrategicMerge.merge(base, patch, DEPLOYMENT)).isEqualTo(target);
    }

    @Test
    void diff_sidecarAdded_appendedAfterUnchangedMainContainer() throws Exception {
        // given
        JsonNode base = containers("[{'name':'web','image':'a'}]");
        JsonNode target = containers("[{'name':'web','image':'a'},{'name':'proxy','image':'p'}]");

        // when
        JsonNode patch = StrategicMerge.diff(base, target, DEPLOYMENT);

        // then
        assertThat(patch).isEqualTo(containers("[{'name':'web'},{'name':'proxy','image':'p'}]"));
        assertThat(StrategicMerge.merge(base, patch, DEPLOYMENT)).isEqualTo(target);
    }

    @Test
    void diff_portsKeyedByContainerPort() throws Exception {
        // given
        JsonNode base = containers("[{'name':'web','ports':[{'containerPort':8080,'name':'http'}]}]");
        JsonNode target = containers(
                "[{'name':'web','ports':[{'containerPort':9090,'name':'metrics'},{'containerPort':8080,'name':'http'}]}]");

        // when
        JsonNode patch = StrategicMerge.diff(base, target, DEPLOYMENT);

        // then
        assertThat(patch).isEqualTo(containers("[{'name':'web','ports':[{'containerPort':9090,'name':'metrics'}]}]"));
    }

    @Test
    void customResourceList_oneValue_leftOutOfBaseAndPatchedWhole() throws Exception {
        // given
        JsonNode dev = json("{'spec':{'items':[{'name':'a','size':1}],'mode':'x'}}");
        JsonNode prod = json("{'spec':{'items':[{'name':'a','size':5},{'name':'b','size':2}],'mode':'x'}}");

        // when
        JsonNode common = StrategicMerge.common(List.of(dev, prod), WIDGET);
        JsonNode patch = StrategicMerge.diff(common, prod, WIDGET);

        // then
        assertThat(common).isEqualTo(json("{'spec':{'mode':'x'}}"));
        assertThat(patch).isEqualTo(json("{'spec':{'items':[{'name':'a','size':5},{'name':'b','size':2}]}}"));
        assertThat(StrategicMerge.merge(common, patch, WIDGET)).isEqualTo(prod);
    }

    @Test
    void common_mapsWithNothingShared_leftOutRatherThanEmpty() throws Exception {
        // given
        JsonNode dev = json("{'metadata':{'name':'w','annotations':{'a':'1'}}}");
        JsonNode prod = json("{'metadata':{'name':'w','annotations':{'b':'2'}}}");

        // when
        JsonNode common = StrategicMerge.common(List.of(dev, prod), WIDGET);

        // then
        assertThat(common).isEqualTo(json("{'metadata':{'name':'w'}}"));
    }

    @Test
    void common_equalEmptyMap_kept() throws Exception {
        // given
        JsonNode dev = json("{'spec':{'podSelector':{},'x':1}}");
        JsonNode prod = json("{'spec':{'podSelector':{},'x':2}}");

        // then
        assertThat(StrategicMerge.common(List.of(dev, prod), WIDGET)).isEqualTo(json("{'spec':{'podSelector':{}}}"));
    }

    @Test
    void keyedList_duplicateKeys_treatedAsOneValue() throws Exception {
        // given
        JsonNode dev =
                containers("[{'name':'web','image':'a','env':[{'name':'A','value':'1'},{'name':'A','value':'2'}]}]");
        JsonNode prod = containers("[{'name':'web','image':'a','env':[{'name':'A','value':'1'}]}]");

        // when
        JsonNode common = StrategicMerge.common(List.of(dev, prod), DEPLOYMENT);

        // then
        assertThat(common).isEqualTo(containers("[{'name':'web','image':'a'}]"));
        assertThat(StrategicMerge.merge(common, StrategicMerge.diff(common, dev, DEPLOYMENT), DEPLOYMENT))
                .isEqualTo(dev);
    }
}
