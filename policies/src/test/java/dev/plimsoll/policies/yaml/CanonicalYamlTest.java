package dev.plimsoll.policies.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CanonicalYaml} against {@code kubectl kustomize}, krusty style: each test is a small input tree and the exact
 * output that {@code kubectl kustomize} (kubectl v1.32.4, kustomize v5.5.0) printed for it once. Inputs quote every
 * string whose type YAML 1.1 ({@link YamlReader}) and kustomize's YAML 1.2 reader would disagree on.
 */
class CanonicalYamlTest {

    /** Letters sort after every other character and digit runs by value: not byte order. */
    @Test
    void write_keysOfEveryKind_sortedAsGoYamlV2SortsThem() {
        assertKustomizeWrites("""
                apiVersion: v1
                kind: Order
                metadata:
                  name: keys
                spec:
                  "$patch": a
                  B: b
                  a: a
                  _a: a
                  a_b: a
                  aB: a
                  ab: a
                  a-b: a
                  a.b: a
                  a/b: a
                  a10: a
                  a9: a
                  a09: a
                  a9b: a
                  a010: a
                  "1": a
                  "10": a
                  "2": a
                  "01": a
                  "-": a
                  é: a
                  Z: a
                  "~": a
                  x y: a
                """, """
                apiVersion: v1
                kind: Order
                metadata:
                  name: keys
                spec:
                  $patch: a
                  '-': a
                  _a: a
                  "~": a
                  "1": a
                  "01": a
                  "2": a
                  "10": a
                  B: b
                  Z: a
                  a: a
                  a-b: a
                  a.b: a
                  a/b: a
                  a_b: a
                  a9: a
                  a9b: a
                  a09: a
                  a10: a
                  a010: a
                  aB: a
                  ab: a
                  x y: a
                  é: a
                """);
    }

    @Test
    void write_nestedCollections_blockSequencesNotIndentedUnderTheirKeyEmptyOnesInFlow() {
        assertKustomizeWrites("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels: {app: web}
                spec:
                  template:
                    spec:
                      containers:
                      - name: web
                        image: nginx
                        args: ["--a", "--b"]
                        env: []
                        resources: {}
                      volumes:
                      - name: data
                        emptyDir: {}
                  nested: [[a, b], [], [[c]], {}, {k: v}, null]
                  none: null
                  tilde: ~
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app: web
                  name: web
                spec:
                  nested:
                  - - a
                    - b
                  - []
                  - - - c
                  - {}
                  - k: v
                  - null
                  none: null
                  template:
                    spec:
                      containers:
                      - args:
                        - --a
                        - --b
                        env: []
                        image: nginx
                        name: web
                        resources: {}
                      volumes:
                      - emptyDir: {}
                        name: data
                  tilde: null
                """);
    }

    /** YAML 1.1 booleans and nulls, Go integer syntax, floats, base-60 numbers and timestamps. */
    @Test
    void write_stringsThatReadAsOtherTypes_doubleQuoted() {
        assertKustomizeWrites("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: quoted
                data:
                  bool1: "true"
                  bool2: "False"
                  bool3: "yes"
                  bool4: "No"
                  bool5: "on"
                  bool6: "OFF"
                  bool7: "y"
                  bool8: "N"
                  null1: "null"
                  null2: "~"
                  null3: "NULL"
                  empty: ""
                  int1: "1"
                  int2: "0755"
                  int3: "0x1F"
                  int4: "0o17"
                  int5: "0b101"
                  int6: "1_000"
                  int7: "+1"
                  int8: "-1"
                  int9: "00"
                  int10: "1_"
                  int11: "-0x1F"
                  float1: "1.5"
                  float2: "1e3"
                  float3: ".5"
                  float4: ".inf"
                  float5: "-.Inf"
                  float6: ".NaN"
                  float7: "0."
                  float8: "08"
                  float9: "1e-400"
                  base60a: "1:20"
                  base60b: "-1:20"
                  base60c: "1:20.5"
                  base60d: "190:20:30"
                  date1: "2001-12-14"
                  date2: "2001-1-1"
                  date3: "2001-12-14t21:59:43.10-05:00"
                  date4: "2001-12-14T21:59:43Z"
                  date5: "2001-12-14 21:59:43.10"
                  date6: "2000-02-29"
                """, """
                apiVersion: v1
                data:
                  base60a: "1:20"
                  base60b: "-1:20"
                  base60c: "1:20.5"
                  base60d: "190:20:30"
                  bool1: "true"
                  bool2: "False"
                  bool3: "yes"
                  bool4: "No"
                  bool5: "on"
                  bool6: "OFF"
                  bool7: "y"
                  bool8: "N"
                  date1: "2001-12-14"
                  date2: "2001-1-1"
                  date3: "2001-12-14t21:59:43.10-05:00"
                  date4: "2001-12-14T21:59:43Z"
                  date5: "2001-12-14 21:59:43.10"
                  date6: "2000-02-29"
                  empty: ""
                  float1: "1.5"
                  float2: "1e3"
                  float3: ".5"
                  float4: ".inf"
                  float5: "-.Inf"
                  float6: ".NaN"
                  float7: "0."
                  float8: "08"
                  float9: "1e-400"
                  int1: "1"
                  int2: "0755"
                  int3: "0x1F"
                  int4: "0o17"
                  int5: "0b101"
                  int6: "1_000"
                  int7: "+1"
                  int8: "-1"
                  int9: "00"
                  int10: "1_"
                  int11: "-0x1F"
                  null1: "null"
                  null2: "~"
                  null3: "NULL"
                kind: ConfigMap
                metadata:
                  name: quoted
                """);
    }

    /** Out of range, invalid dates, overflowing hex: go-yaml v2 reads them as strings, so they stay plain. */
    @Test
    void write_stringsThatOnlyLookLikeNumbersOrDates_plain() {
        assertKustomizeWrites("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: plain
                data:
                  a: "1:60"
                  b: "20011-12-14"
                  c: "1e400"
                  d: ".5e999"
                  e: "0xFFFFFFFFFFFFFFFFFF"
                  f: "_1"
                  g: "1.2.3"
                  h: "v1.0"
                  i: "1e"
                  j: "0x"
                  k: "+"
                  l: "="
                  m: "<<"
                  n: "yES"
                  o: "nuLL"
                  p: "2001-13-01"
                  q: "2001-02-30"
                  r: "2001-12-14T25:00:00Z"
                  s: "2001-12-14T21:59:43+25:00"
                  t: "1999-02-29"
                  u: "10Gi"
                  v: "0.1.0"
                  w: "e3"
                  x: "1__0x"
                """, """
                apiVersion: v1
                data:
                  a: 1:60
                  b: 20011-12-14
                  c: 1e400
                  d: .5e999
                  e: 0xFFFFFFFFFFFFFFFFFF
                  f: _1
                  g: 1.2.3
                  h: v1.0
                  i: 1e
                  j: 0x
                  k: +
                  l: =
                  m: <<
                  "n": yES
                  o: nuLL
                  p: 2001-13-01
                  q: 2001-02-30
                  r: 2001-12-14T25:00:00Z
                  s: 2001-12-14T21:59:43+25:00
                  t: 1999-02-29
                  u: 10Gi
                  v: 0.1.0
                  w: e3
                  x: 1__0x
                kind: ConfigMap
                metadata:
                  name: plain
                """);
    }

    @Test
    void write_stringsWithIndicatorsOrEdgeSpaces_singleQuoted() {
        assertKustomizeWrites("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: single
                data:
                  a01: "-"
                  a02: "- a"
                  a03: "?"
                  a04: ":"
                  a05: "a: b"
                  a06: "a #b"
                  a07: "#a"
                  a08: "&a"
                  a09: "*"
                  a10: "!a"
                  a11: "|a"
                  a12: ">a"
                  a13: "'a"
                  a14: "\\"a"
                  a15: "%a"
                  a16: "@a"
                  a17: "`a"
                  a18: "{a}"
                  a19: "[a]"
                  a20: ",a"
                  a21: "---"
                  a22: "..."
                  a23: "--- a"
                  a24: "...x"
                  a25: " lead"
                  a26: "trail "
                  a27: "a :"
                  a28: "it's"
                  a29: "? a"
                  a30: ": a"
                  b01: "-a"
                  b02: "?a"
                  b03: ":a"
                  b04: "a:b"
                  b05: "a#b"
                  b06: "a,b"
                  b07: "$x"
                  b08: "a b"
                  b09: "a]b"
                  b10: "a\\"b"
                  b11: "--a"
                  b12: "a\\\\b"
                """, """
                apiVersion: v1
                data:
                  a01: '-'
                  a02: '- a'
                  a03: '?'
                  a04: ':'
                  a05: 'a: b'
                  a06: 'a #b'
                  a07: '#a'
                  a08: '&a'
                  a09: '*'
                  a10: '!a'
                  a11: '|a'
                  a12: '>a'
                  a13: '''a'
                  a14: '"a'
                  a15: '%a'
                  a16: '@a'
                  a17: '`a'
                  a18: '{a}'
                  a19: '[a]'
                  a20: ',a'
                  a21: '---'
                  a22: '...'
                  a23: '--- a'
                  a24: '...x'
                  a25: ' lead'
                  a26: 'trail '
                  a27: 'a :'
                  a28: it's
                  a29: '? a'
                  a30: ': a'
                  b01: -a
                  b02: ?a
                  b03: :a
                  b04: a:b
                  b05: a#b
                  b06: a,b
                  b07: $x
                  b08: a b
                  b09: a]b
                  b10: a"b
                  b11: --a
                  b12: a\\b
                kind: ConfigMap
                metadata:
                  name: single
                """);
    }

    @Test
    void write_controlCharacters_doubleQuotedWithEscapes() {
        assertKustomizeWrites("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: double
                data:
                  tab: "a\\tb"
                  cr: "a\\rb"
                  ctrl: "a\\u0001b"
                  esc: "a\\u001bb"
                  bell: "\\u0007"
                  nul: "a\\u0000b"
                  trailtab: "a\\t"
                  leadtab: "\\ta"
                  unicode: "héllo wörld ✓"
                  nbsp: "a\\u00a0b"
                  cjk: "日本語"
                """, """
                apiVersion: v1
                data:
                  bell: "\\a"
                  cjk: 日本語
                  cr: "a\\rb"
                  ctrl: "a\\x01b"
                  esc: "a\\eb"
                  leadtab: "\\ta"
                  nbsp: a\u00a0b
                  nul: "a\\0b"
                  tab: "a\\tb"
                  trailtab: "a\\t"
                  unicode: héllo wörld ✓
                kind: ConfigMap
                metadata:
                  name: double
                """);
    }

    /**
     * Clip, strip and keep chomping, an indentation hint for a leading space or break; double quotes when a line ends
     * in a space or the text has a tab.
     */
    @Test
    void write_multilineStrings_literalBlocksUnlessSpacesOrTabsForbidThem() {
        assertKustomizeWrites("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: blocks
                data:
                  clip: "l1\\nl2\\n"
                  strip: "l1\\nl2"
                  keep: "l1\\nl2\\n\\n"
                  indented: "  ind\\nx"
                  leadingBreak: "\\nabc"
                  onlyBreak: "\\n"
                  twoBreaks: "\\n\\n"
                  spaceBeforeBreak: "a \\nb"
                  spaceAfterBreak: "a\\n b"
                  tabInside: "a\\tb\\nc"
                  trailingSpace: "a\\nb "
                  longLine: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyy\\nshort\\n"
                  script: "#!/bin/sh\\nset -e\\nif [ -n \\"$X\\" ]; then\\n  echo \\"x: $X\\"\\nfi\\n"
                  list:
                  - "a\\nb\\n"
                  - "a\\nb"
                """, """
                apiVersion: v1
                data:
                  clip: |
                    l1
                    l2
                  indented: |2-
                      ind
                    x
                  keep: |+
                    l1
                    l2

                  leadingBreak: |2-

                    abc
                  list:
                  - |
                    a
                    b
                  - |-
                    a
                    b
                  longLine: |
                    xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyy
                    short
                  onlyBreak: |2+

                  script: |
                    #!/bin/sh
                    set -e
                    if [ -n "$X" ]; then
                      echo "x: $X"
                    fi
                  spaceAfterBreak: |-
                    a
                     b
                  spaceBeforeBreak: "a \\nb"
                  strip: |-
                    l1
                    l2
                  tabInside: "a\\tb\\nc"
                  trailingSpace: "a\\nb "
                  twoBreaks: |2+


                kind: ConfigMap
                metadata:
                  name: blocks
                """);
    }

    /** Folded at a single space once past column 80; a key over 128 characters becomes an explicit {@code ?} key. */
    @Test
    void write_longPlainAndSingleQuotedStrings_foldedAfterColumn80() {
        assertKustomizeWrites("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: folding
                data:
                  plain: "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv"
                  single: "- aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt"
                  doubleSpaces: "aaaa  bbbb  cccc  dddd  eeee  ffff  gggg  hhhh  iiii  jjjj  kkkk  llll  mmmm  nnnn  oooo  pppp"
                  nospace: "aaaabbbbccccddddeeeeffffgggghhhhiiiijjjjkkkkllllmmmmnnnnooooppppqqqqrrrrssssttttuuuuvvvvwwww"
                  kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: "a 128 character key"
                  kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: "a 129 character key"
                  items:
                  - "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss"
                  - nested:
                      deeper: "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq"
                """, """
                apiVersion: v1
                data:
                  doubleSpaces: aaaa  bbbb  cccc  dddd  eeee  ffff  gggg  hhhh  iiii  jjjj  kkkk  llll  mmmm  nnnn  oooo  pppp
                  items:
                  - aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp
                    qqqq rrrr ssss
                  - nested:
                      deeper: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn
                        oooo pppp qqqq
                  kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: a
                    128 character key
                  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk
                  : a 129 character key
                  nospace: aaaabbbbccccddddeeeeffffgggghhhhiiiijjjjkkkkllllmmmmnnnnooooppppqqqqrrrrssssttttuuuuvvvvwwww
                  plain: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo
                    pppp qqqq rrrr ssss tttt uuuu vvvv
                  single: '- aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn
                    oooo pppp qqqq rrrr ssss tttt'
                kind: ConfigMap
                metadata:
                  name: folding
                """);
    }

    @Test
    void write_numbers_printedAsFloat64AfterTheJsonRoundTrip() {
        assertKustomizeWrites("""
                apiVersion: v1
                kind: Numbers
                metadata:
                  name: numbers
                spec:
                  ints: [0, -0, 42, +5, 0755, 0x1F, 0b101, 1_000, 9223372036854775807, 9223372036854775808, 18446744073709551615, 18446744073709551616, 123456789012345678901234567890, -9223372036854775808, -9223372036854775809]
                  floats: [1.0, -1.0, 1.5, 1e3, 1.5e3, .5, -1.25, 1e-7, 0.0001, 0.00001, 1234567.5, 123456.5, 1e21, 1e20, 12345678901234567890.5, 3.14159265358979323846, 0.1, 1.0e+2, 6.02e23, 100000.0, 1000000.0, 0.0, -0.0, 5e-324, 1.7976931348623157e308, 2.5e-5, 9007199254740993.0]
                  bools: [true, false]
                """, """
                apiVersion: v1
                kind: Numbers
                metadata:
                  name: numbers
                spec:
                  bools:
                  - true
                  - false
                  floats:
                  - 1
                  - -1
                  - 1.5
                  - 1000
                  - 1500
                  - 0.5
                  - -1.25
                  - 1e-07
                  - 0.0001
                  - 1e-05
                  - 1.2345675e+06
                  - 123456.5
                  - 1e+21
                  - 1e+20
                  - 12345678901234567000
                  - 3.141592653589793
                  - 0.1
                  - 100
                  - 6.02e+23
                  - 100000
                  - 1000000
                  - 0
                  - 0
                  - 5e-324
                  - 1.7976931348623157e+308
                  - 2.5e-05
                  - 9007199254740992
                  ints:
                  - 0
                  - 0
                  - 42
                  - 5
                  - 493
                  - 31
                  - 5
                  - 1000
                  - 9223372036854775807
                  - 9223372036854775808
                  - 18446744073709551615
                  - 1.8446744073709552e+19
                  - 1.2345678901234568e+29
                  - -9223372036854775808
                  - -9.223372036854776e+18
                """);
    }

    @Test
    void write_keysThatNeedQuotes_quotedLikeValues() {
        assertKustomizeWrites("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: keys
                data:
                  "true": quoted key
                  "on": quoted key
                  "1": quoted key
                  "- a": single quoted key
                  "a b": plain key
                  "multi\\nline": explicit key
                  "a\\tb": double quoted key
                """, """
                apiVersion: v1
                data:
                  '- a': single quoted key
                  "1": quoted key
                  "a\\tb": double quoted key
                  a b: plain key
                  ? |-
                    multi
                    line
                  : explicit key
                  "on": quoted key
                  "true": quoted key
                kind: ConfigMap
                metadata:
                  name: keys
                """);
    }

    /**
     * Where SnakeYAML's writer cannot do what libyaml's does, the bytes differ but read back the same: a long
     * double-quoted scalar folds with escaped line breaks instead of bare ones, an empty key becomes an explicit key,
     * and double-quoted escapes differ (emoji and byte-order mark written raw, lower-case hex, {@code \_} for a
     * no-break space). SnakeYAML's {@code Emitter} is final and has no setting for any of these. If one starts to
     * match, move it to the tests above.
     */
    @Test
    void write_whatSnakeYamlCannotWriteLikeLibyaml_differsInBytesButNotInContent() {
        assertKnownDifference("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: gap
                data:
                  script: "set -e \\necho aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp\\n"
                """, """
                apiVersion: v1
                data:
                  script: "set -e \\necho aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll
                    mmmm nnnn oooo pppp\\n"
                kind: ConfigMap
                metadata:
                  name: gap
                """, """
                apiVersion: v1
                data:
                  script: "set -e \\necho aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll\\
                    \\ mmmm nnnn oooo pppp\\n"
                kind: ConfigMap
                metadata:
                  name: gap
                """);
        assertKnownDifference("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: gap
                data:
                  "": empty key
                """, """
                apiVersion: v1
                data:
                  "": empty key
                kind: ConfigMap
                metadata:
                  name: gap
                """, """
                apiVersion: v1
                data:
                  ? ""
                  : empty key
                kind: ConfigMap
                metadata:
                  name: gap
                """);
        assertKnownDifference("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: gap
                data:
                  emoji: "smile \\U0001F600"
                  bom: "a\\ufeffb"
                  unitSeparator: "a\\u001fb"
                  nbspInDoubleQuotes: "tab\\there\\u00a0nbsp"
                """, """
                apiVersion: v1
                data:
                  bom: "a\\uFEFFb"
                  emoji: "smile \\U0001F600"
                  nbspInDoubleQuotes: "tab\\there\u00a0nbsp"
                  unitSeparator: "a\\x1Fb"
                kind: ConfigMap
                metadata:
                  name: gap
                """, """
                apiVersion: v1
                data:
                  bom: "a\ufeffb"
                  emoji: "smile \uD83D\uDE00"
                  nbspInDoubleQuotes: "tab\\there\\_nbsp"
                  unitSeparator: "a\\x1fb"
                kind: ConfigMap
                metadata:
                  name: gap
                """);
    }

    @Test
    void writeAll_severalDocuments_separatedByDashesWithNoneBeforeTheFirst() {
        // given
        List<JsonNode> documents = read("""
                kind: A
                ---
                kind: B
                ---
                kind: C
                """);

        // when
        String written = CanonicalYaml.writeAll(documents);

        // then
        assertThat(written).isEqualTo("kind: A\n---\nkind: B\n---\nkind: C\n");
        assertThat(CanonicalYaml.writeAll(List.of())).isEmpty();
        assertThat(CanonicalYaml.write(documents.get(0))).isEqualTo("kind: A\n");
    }

    /**
     * go-yaml v2's key order is not transitive ({@code 0x1 < 1 < 06 < 0x1}); kubectl kustomize then prints such keys in
     * a different order from run to run (Go's random map order), we in one order that depends on the keys only.
     */
    @Test
    void write_sameKeysInAnyInsertionOrder_sameBytes() {
        // given
        List<String> keys = new ArrayList<>(List.of("0x1", "1", "06", "12:", "1ae", "1.5", "02265526.0", "0b1b94ef.0"));
        for (int i = 0; i < 40; i++) {
            keys.add((i % 3 == 0 ? "K" : "k") + i + (i % 2 == 0 ? "_x" : "-y"));
        }
        ObjectNode forward = JsonNodeFactory.instance.objectNode();
        ObjectNode backward = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keys.size(); i++) {
            forward.put(keys.get(i), i);
            backward.put(keys.get(keys.size() - 1 - i), keys.size() - 1 - i);
        }

        // when
        String first = CanonicalYaml.write(forward);
        String second = CanonicalYaml.write(backward);

        // then
        assertThat(second).isEqualTo(first);
        assertThat(CanonicalYaml.write(forward)).isEqualTo(first);
    }

    @Test
    void toJson_scalarsOfEveryType_keepTheTypeTheApiServerReads() {
        // given
        String input = """
                int: 42
                octal: 0755
                long: 9223372036854775807
                big: 18446744073709551616
                float: 1.5
                exponent: 1e3
                notAFloat: _1
                bool: true
                null: ~
                string: "42"
                """;

        // when
        JsonNode json = read(input).get(0);

        // then
        assertThat(json.get("int")).isEqualTo(IntNode.valueOf(42));
        assertThat(json.get("octal")).isEqualTo(IntNode.valueOf(493));
        assertThat(json.get("long")).isEqualTo(LongNode.valueOf(Long.MAX_VALUE));
        assertThat(json.get("big")).isEqualTo(BigIntegerNode.valueOf(BigInteger.ONE.shiftLeft(64)));
        assertThat(json.get("float")).isEqualTo(DoubleNode.valueOf(1.5));
        assertThat(json.get("exponent")).isEqualTo(DoubleNode.valueOf(1000));
        assertThat(json.get("notAFloat").textValue()).isEqualTo("_1");
        assertThat(json.get("bool").booleanValue()).isTrue();
        assertThat(json.get("null").isNull()).isTrue();
        assertThat(json.get("string").textValue()).isEqualTo("42");
    }

    @Test
    void write_jacksonNumberNodes_printedAsKustomizePrintsTheirValues() {
        // given
        ObjectNode numbers = JsonNodeFactory.instance.objectNode();
        numbers.set("a", FloatNode.valueOf(0.1f));
        numbers.set("b", DecimalNode.valueOf(new BigDecimal("2.50")));
        numbers.set("c", BigIntegerNode.valueOf(new BigInteger("123456789012345678901234567890")));
        numbers.set("d", LongNode.valueOf(-7));

        // when
        String written = CanonicalYaml.write(numbers);

        // then
        assertThat(written).isEqualTo("a: 0.1\nb: 2.5\nc: 1.2345678901234568e+29\nd: -7\n");
    }

    @Test
    void write_nonFiniteNumbers_rejectedBecauseKustomizeCannotPrintThem() {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("x", Double.NaN);
        ObjectNode infinite = JsonNodeFactory.instance.objectNode().put("x", Float.POSITIVE_INFINITY);

        assertThatThrownBy(() -> CanonicalYaml.write(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> CanonicalYaml.write(infinite))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
    }

    private static void assertKustomizeWrites(String input, String kubectlOutput) {
        // given
        List<JsonNode> documents = read(input);

        // when
        String written = CanonicalYaml.writeAll(documents);

        // then
        assertThat(written).isEqualTo(kubectlOutput);
        assertThat(CanonicalYaml.writeAll(read(input))).as("written again").isEqualTo(written);
        assertThat(CanonicalYaml.writeAll(read(written)))
                .as("read back and written again")
                .isEqualTo(written);
    }

    private static void assertKnownDifference(String input, String kubectlOutput, String ours) {
        // given
        List<JsonNode> documents = read(input);

        // when
        String written = CanonicalYaml.writeAll(documents);

        // then
        assertThat(written).isEqualTo(ours).isNotEqualTo(kubectlOutput);
        assertThat(read(written)).isEqualTo(read(kubectlOutput));
    }

    private static List<JsonNode> read(String yaml) {
        YamlReader.Result result = new YamlReader().read(yaml);
        assertThat(result.problems()).isEmpty();
        List<JsonNode> documents = new ArrayList<>();
        for (YamlReader.Document document : result.documents()) {
            documents.add(CanonicalYaml.toJson(document.root()));
        }
        return documents;
    }
}
