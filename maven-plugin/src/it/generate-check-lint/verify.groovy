import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def file = { String path -> new File(basedir, path) }
def text = { String path -> file(path).getText('UTF-8') }

// plimsoll:generate compiled the platform first (a fresh clone has no target/classes)
assert file('target/classes/it/ShopPlatform.class').isFile()

// the tree: base, one overlay per environment, hydrated output, ownership index
['base/kustomization.yaml', 'overlays/dev/kustomization.yaml', 'overlays/prod/kustomization.yaml',
 'rendered/prod/apps_v1_deployment_checkout.yaml', 'rendered/dev/apps_v1_deployment_checkout.yaml',
 '.plimsoll/generated.json'].each { assert file(it).isFile() : "missing $it" }
// the app's defaults came from the shared-catalog dependency, its digests from a class loaded while rendering
def prodDeployment = text('rendered/prod/apps_v1_deployment_checkout.yaml')
assert prodDeployment.contains('image: ghcr.io/shop/checkout@sha256:' + '1' * 64)
assert prodDeployment.contains('path: /healthz')
assert text('overlays/prod/kustomization.yaml').contains('count: 3')

// lint wrote every default report, and they are clean
def sarif = new JsonSlurper().parse(file('target/plimsoll/plimsoll.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].tool.driver.name == 'plimsoll'
assert sarif.runs[0].tool.driver.rules*.id.containsAll(['image-digest', 'netpol-default-deny', 'pdb-present'])
assert sarif.runs[0].results == []

def json = new JsonSlurper().parse(file('target/plimsoll/plimsoll.json'))
assert json.summary.error == 0 && json.summary.warning == 0
assert json.summary.files == 22 : 'both environments of the hydrated output: ' + json.summary
assert json.summary.failed == false
assert json.findings == []

def junit = new XmlSlurper().parse(file('target/plimsoll/TEST-plimsoll.xml'))
assert junit.@failures.text() == '0'
assert junit.testsuite.size() > 0

assert text('target/plimsoll/plimsoll.txt') == 'No findings in 22 files (22 documents).\n'

// check ran in the verify invocation (it reports only in the log: it writes nothing), in a parallel build that
// found every goal thread-safe
def log = text('build.log')
assert log.contains('is what it.ShopPlatform renders')
assert log.contains('Using the MultiThreadedBuilder')
assert !log.contains('thread-safe')
