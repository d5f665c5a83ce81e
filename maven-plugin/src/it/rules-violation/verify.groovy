import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def reports = new File(basedir, 'target/plimsoll')
assert reports.list() as Set == ['plimsoll.sarif', 'plimsoll.json', 'TEST-plimsoll.xml', 'plimsoll.txt'] as Set

// JSON: the run failed at the default threshold, on the one active error
def json = new JsonSlurper().parse(new File(reports, 'plimsoll.json'))
assert json.summary.subMap(['error', 'warning', 'info', 'waived', 'files', 'failOn', 'failed', 'exitCode']) ==
        [error: 1, warning: 1, info: 0, waived: 1, files: 2, failOn: 'error', failed: true, exitCode: 1]
assert json.findings.collect { "$it.file:$it.line:$it.column $it.rule $it.severity $it.environment $it.object.name" } == [
        'apps/prod/namespace.yaml:15:26 netpol-dns-egress warning prod default-deny',
        'apps/prod/web.yaml:18:18 image-digest error prod web',
        'apps/prod/web.yaml:42:18 image-digest error prod vendor-agent',
]
assert json.findings[2].waiver.reason == 'the vendor publishes no digests; see OPS-42'

// SARIF: the same findings at the same places, paths relative to the repository root, the waived one suppressed
def run = new JsonSlurper().parse(new File(reports, 'plimsoll.sarif')).runs[0]
def results = run.results.collect {
    def location = it.locations[0].physicalLocation
    "$location.artifactLocation.uri:$location.region.startLine:$location.region.startColumn $it.ruleId $it.level " +
            (it.suppressions ? 'suppressed: ' + it.suppressions[0].justification : 'active')
}
assert results == [
        'apps/prod/namespace.yaml:15:26 netpol-dns-egress warning active',
        'apps/prod/web.yaml:18:18 image-digest error active',
        'apps/prod/web.yaml:42:18 image-digest error suppressed: the vendor publishes no digests; see OPS-42',
]
assert run.results*.properties*.environment.unique() == ['prod']
assert run.tool.driver.rules[run.results[1].ruleIndex].id == 'image-digest'

// JUnit: the error and the warning fail, the waived finding is skipped
def junit = new XmlSlurper().parse(new File(reports, 'TEST-plimsoll.xml'))
assert junit.@failures.text() == '2'
assert junit.@skipped.text() == '1'
def imageDigest = junit.testsuite.find { it.@name == 'image-digest' }
assert imageDigest.testcase.find { it.failure.size() > 0 }.@classname.text() == 'apps/prod/web.yaml'

// The build log: each active finding as a Maven error or warning, starting with its absolute file:line:col
def log = new File(basedir, 'build.log').getText('UTF-8')
def apps = new File(basedir, 'apps/prod').canonicalPath
assert log.contains("[ERROR] $apps/web.yaml:18:18: [image-digest] container 'web' uses image")
assert log.contains("[WARNING] $apps/namespace.yaml:15:26: [netpol-dns-egress] denies all egress")
assert !log.contains("[ERROR] $apps/web.yaml:42:18")
