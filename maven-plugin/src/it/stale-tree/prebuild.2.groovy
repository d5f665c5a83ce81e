// A hand edit of a generated file, between generating the tree and running the gate.
def overlay = new File(basedir, 'overlays/prod/kustomization.yaml')
def original = overlay.getText('UTF-8')
assert original.contains('count: 3')
overlay.setText(original.replace('count: 3', 'count: 5'), 'UTF-8')
return true
