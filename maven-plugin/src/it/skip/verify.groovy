def log = new File(basedir, 'build.log').getText('UTF-8')

// invocations 1 and 2 skipped every goal: no tree, no reports
['base', 'overlays', 'rendered', '.plimsoll', 'target/plimsoll'].each {
    assert !new File(basedir, it).exists() : "$it was written"
}
assert log.count('plimsoll: skipping generate (plimsoll.skip)') == 1
assert log.count('plimsoll: skipping check (plimsoll.skip)') == 1
assert log.count('plimsoll: skipping lint (plimsoll.skip)') == 1
assert log.count('plimsoll: skipping check (plimsoll.skip.check)') == 1
assert log.count('plimsoll: skipping lint (plimsoll.skip.lint)') == 1
assert log.count('plimsoll: skipping generate (plimsoll.skip.generate)') == 1

// invocation 3, nothing skipped: check ran, and failed on the missing class, in Maven's words
assert log.contains('<platform> must name a class that implements dev.plimsoll.generator.PlatformDefinition:'
        + ' it.DoesNotExist was not found')
