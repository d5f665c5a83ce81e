import groovy.json.JsonSlurper

def out = new File(basedir, 'target/platform')

// the program generated the tree through the API ...
['base/kustomization.yaml', 'overlays/staging/kustomization.yaml', 'overlays/prod/kustomization.yaml'].each {
    assert new File(out, it).isFile() : "missing $it"
}
// ... linted the hydrated output of both environments, wrote SARIF, and printed the text report
def sarif = new JsonSlurper().parse(new File(out, 'plimsoll.sarif'))
assert sarif.runs[0].tool.driver.name == 'plimsoll'
assert sarif.runs[0].results == []
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /generated .*target\/platform: \d+ file\(s\) written, 0 unchanged, 0 pruned/
assert log =~ /No findings in \d+ files \(\d+ documents\)\./
assert log.contains('exit code 0; SARIF in ')
