def log = new File(basedir, 'build.log').getText('UTF-8')

// invocation 1: the lifecycle-bound goal ran after the compiler and wrote the tree
assert log.indexOf(':generate-no-fork (generate) @ stale-tree') > log.indexOf(':compile (default-compile) @ stale-tree')
assert log.contains('34 file(s) written, 0 unchanged, 0 pruned')

// the stale file is named, with the diff from disk to what the definition renders
assert log.contains('[ERROR] stale overlays/prod/kustomization.yaml')
assert log.contains('[ERROR] -- count: 5')
assert log.contains('[ERROR] +- count: 3')
assert log.contains('1 file(s) in ')
assert log.contains('differ from what it.ShopPlatform renders, listed above: run mvn plimsoll:generate and commit the result')

// check wrote nothing: the hand edit is still there, and the lint bound after it never ran
assert new File(basedir, 'overlays/prod/kustomization.yaml').getText('UTF-8').contains('count: 5')
assert !new File(basedir, 'target/plimsoll').exists()
