package dev.plimsoll.policies.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            overlays/prod/**       | overlays/prod/app.yaml          | true
            overlays/prod/**       | overlays/prod/deep/app.yaml     | true
            overlays/prod/**       | overlays/production/app.yaml    | false
            overlays/prod          | overlays/prod/deep/app.yaml     | true
            overlays/prod/         | overlays/prod/app.yaml          | true
            ./overlays/prod        | overlays/prod/app.yaml          | true
            /overlays/prod         | overlays/prod/app.yaml          | true
            overlays/prod          | base/overlays/prod/app.yaml     | false
            overlays/*/app.yaml    | overlays/prod/app.yaml          | true
            overlays/*/app.yaml    | overlays/prod/x/app.yaml        | false
            overlays/*             | overlays/prod/x/app.yaml        | true
            **/*.yaml              | app.yaml                        | true
            **/*.yaml              | a/b/c/app.yaml                  | true
            **/*.yaml              | a/b/c/app.json                  | false
            **/prod/**             | clusters/eu/prod/app.yaml       | true
            **/prod/**             | clusters/eu/preprod/app.yaml    | false
            app-?.yaml             | app-1.yaml                      | true
            app-?.yaml             | app-10.yaml                     | false
            app?yaml               | app/yaml                        | false
            env-[ab].yaml          | env-a.yaml                      | true
            env-[ab].yaml          | env-c.yaml                      | false
            env-[!ab].yaml         | env-c.yaml                      | true
            env-[!ab].yaml         | env-/.yaml                      | false
            overlays/{prod,dr}/**  | overlays/dr/app.yaml            | true
            overlays/{prod,dr}/**  | overlays/stage/app.yaml         | false
            app.yaml               | appxyaml                        | false
            (odd)+name.yaml        | (odd)+name.yaml                 | true
            overlays/{prod         | overlays/{prod/app.yaml         | true
            <stdin>                | <stdin>                         | true
            """)
    void matches_globAndPath_asDocumented(String glob, String path, boolean expected) {
        // given
        PathGlob compiled = PathGlob.compile(glob);

        // when
        boolean matches = compiled.matches(path);

        // then
        assertThat(matches).isEqualTo(expected);
    }
}
