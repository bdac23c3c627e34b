"""OWSLib, the Python WPS client behind many notebooks and QGIS plugins, against geoprospect's WPS 1.0.0.

Usage: owslib_client.py WPS_URL SAMPLES_URL
Reads the capabilities, describes interpolate, executes it asynchronously on the published layer
(layer:samples, polled with checkStatus until it ends) and synchronously on the layer's collection URL, and
prints what it saw as one JSON object for WpsOwsLibTest to check.
"""
import json
import sys
import time

from owslib.wps import SYNC, ComplexDataInput, WebProcessingService


def outputs(execution):
    return [{"identifier": o.identifier, "reference": o.reference, "mimeType": o.mimeType}
            for o in execution.processOutputs]


def errors(execution):
    return [{"code": e.code, "locator": e.locator, "text": e.text} for e in execution.errors]


def main(url, samples_url):
    wps = WebProcessingService(url)
    interpolate = wps.describeprocess("interpolate")
    literals = [("crs", "EPSG:32650"), ("elements", "Au,Cu"), ("cellSize", "500")]
    wanted = [("grid", True), ("report", True)]

    stored = wps.execute("interpolate", inputs=[("samples", ComplexDataInput("layer:samples"))] + literals,
                         output=wanted)
    statuses = [stored.status]
    percents = []
    deadline = time.time() + 120
    while not stored.isComplete() and time.time() < deadline:
        stored.checkStatus(sleepSecs=0.1)
        statuses.append(stored.status)
        percents.append(stored.percentCompleted)

    direct = wps.execute("interpolate", inputs=[("samples", ComplexDataInput(samples_url, mimeType="text/csv"))]
                         + literals, output=wanted, mode=SYNC)

    json.dump({
        "title": wps.identification.title,
        "type": wps.identification.type,
        "processes": [p.identifier for p in wps.processes],
        "operations": [o.name for o in wps.operations],
        "inputs": {i.identifier: {"minOccurs": i.minOccurs, "maxOccurs": i.maxOccurs, "dataType": i.dataType,
                                  "formats": [f.mimeType for f in i.supportedValues]
                                  if i.dataType == "ComplexData" else []}
                   for i in interpolate.dataInputs},
        "processOutputs": [o.identifier for o in interpolate.processOutputs],
        "async": {"statusLocation": stored.statusLocation, "statuses": statuses, "percents": percents,
                  "outputs": outputs(stored), "errors": errors(stored)},
        "sync": {"status": direct.status, "statusLocation": direct.statusLocation, "outputs": outputs(direct),
                 "errors": errors(direct)},
    }, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
