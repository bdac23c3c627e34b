package org.geoprospect.learn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.geoprospect.core.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The networks {@link Networks} builds, by the identifier that manifests and process inputs use. */
public enum NetworkArchitecture {
    /** The paper's network: ResNet-50, bottleneck stages 3-4-6-3 (about 23.6 M parameters with 8 channels). */
    RESNET50("resnet50"),
    /** torchvision's basic-block ResNet-18, stages 2-2-2-2 (about 11.2 M parameters): the lighter CPU network. */
    RESNET18("resnet18"),
    /** A compact CNN: three convolution blocks (about 0.1 M parameters) for tests and quick runs. */
    SMALL("small");

    private final String id;

    NetworkArchitecture(String id) {
        this.id = id;
    }

    /** @return the identifier written to manifests, e.g. {@code resnet50} */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * @param id an identifier as returned by {@link #id()}
     * @return the architecture
     * @throws InvalidInputException if no architecture has that identifier
     */
    @JsonCreator
    public static NetworkArchitecture fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("network", "unknown network '" + id + "'; use one of "
                        + Arrays.stream(values()).map(NetworkArchitecture::id).collect(Collectors.joining(", "))));
    }
}
