import groovy.json.JsonSlurper

def file = { String path -> new File(basedir, path) }

// mvn plimsoll:generate: the tree, with the hydrated output
['base/kustomization.yaml', 'overlays/dev/kustomization.yaml', 'overlays/prod/kustomization.yaml',
 '.plimsoll/generated.json'].each { assert file(it).isFile() : "missing $it" }
assert file('rendered/prod').list().length > 0

// mvn verify, then mvn plimsoll:lint: the reports of a clean tree
def json = new JsonSlurper().parse(file('target/plimsoll/plimsoll.json'))
assert json.summary.failed == false
assert json.findings.findAll { it.waiver == null } == []
assert json.summary.files == file('rendered/dev').list().length + file('rendered/prod').list().length
assert new JsonSlurper().parse(file('target/plimsoll/plimsoll.sarif')).runs[0].results == []
assert new File(basedir, 'build.log').getText('UTF-8').contains('is what com.example.platform.ExamplePlatform renders')
