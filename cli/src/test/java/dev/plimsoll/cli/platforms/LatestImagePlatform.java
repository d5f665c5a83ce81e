package dev.plimsoll.cli.platforms;

import dev.plimsoll.generator.Manifests;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;

/** A valid definition whose rendered objects fail the lint: an escape-hatch pod with a mutable image tag. */
public final class LatestImagePlatform implements PlatformDefinition {

    @Override
    public Platform define() {
        return new ShopPlatform().define().manifests(Manifests.named("debug").yaml("""
                                apiVersion: v1
                                kind: Pod
                                metadata:
                                  name: toolbox
                                  namespace: shop
                                spec:
                                  containers:
                                  - name: toolbox
                                    image: busybox:latest
                                    resources:
                                      requests: {cpu: 10m, memory: 16Mi}
                                      limits: {memory: 16Mi}
                                """));
    }
}
