#!/usr/bin/env python3
"""The Python PyTorch side of `geoprospect benchmark train` (cli/TrainBenchmark.java runs it as a subprocess).

Times what a user of PyTorch in Python would run instead of our DJL training: torchvision's resnet18 or resnet50
with an n-channel stem (conv1 replaced by a 7x7/2 convolution of n input channels, no bias) and n classes, on random
data of one batch shape; SGD with momentum and weight decay on cross-entropy. A training step is zero_grad, forward,
loss, backward and the optimizer's step (loss.item() read, as our trainer reads it); an inference step is a forward
pass of one batch in eval mode under torch.no_grad(). Warm-up steps are run first and not timed.

Writes one JSON object to stdout: versions, the thread counts and oneDNN (mkldnn) state actually in force, the
network's trainable parameter count, and the wall and CPU time of every timed step in seconds. With --serve it
writes that object without the steps as its first line, then takes one step per line read from stdin ("train" or
"infer") and answers each with a line {"wall": s, "cpu": s}: so that the Java side can alternate its steps with
these and both meet the same load on a shared machine. Exits 3 with a one-line message on stderr when torch or
torchvision cannot be imported.
"""
import argparse
import json
import sys
import time


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--network", choices=["resnet18", "resnet50"], required=True)
    p.add_argument("--channels", type=int, default=8)
    p.add_argument("--classes", type=int, default=2)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--size", type=int, default=56, help="input side in cells")
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--steps", type=int, default=5, help="timed training steps")
    p.add_argument("--inference-steps", type=int, default=5, help="timed inference batches")
    p.add_argument("--threads", type=int, default=0, help="intra-op threads (0: torch's default)")
    p.add_argument("--interop-threads", type=int, default=0, help="inter-op threads (0: torch's default)")
    p.add_argument("--mkldnn", choices=["default", "on", "off"], default="default",
                   help="torch.backends.mkldnn.enabled for the whole run")
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--serve", action="store_true", help="take steps as stdin asks (see above)")
    a = p.parse_args()
    try:
        import torch
        import torchvision
    except ImportError as e:
        print("Python PyTorch is not available (%s): apt-get install python3-torch python3-torchvision" % e,
              file=sys.stderr)
        sys.exit(3)

    if a.interop_threads > 0:
        torch.set_num_interop_threads(a.interop_threads)  # only before any parallel work
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    if a.mkldnn != "default":
        torch.backends.mkldnn.enabled = a.mkldnn == "on"
    torch.manual_seed(a.seed)

    model = getattr(torchvision.models, a.network)(num_classes=a.classes)
    model.conv1 = torch.nn.Conv2d(a.channels, 64, kernel_size=7, stride=2, padding=3, bias=False)
    x = torch.randn(a.batch, a.channels, a.size, a.size)
    y = torch.arange(a.batch) % a.classes
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=a.lr, momentum=a.momentum, weight_decay=a.weight_decay)

    def train_step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    def inference_step():
        with torch.no_grad():
            return model(x)

    steps = {"train": (model.train, train_step), "infer": (model.eval, inference_step)}
    info = {
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "python": sys.version.split()[0],
        "threads": torch.get_num_threads(),
        "interopThreads": torch.get_num_interop_threads(),
        "mkldnnAvailable": torch.backends.mkldnn.is_available(),
        "mkldnnEnabled": bool(torch.backends.mkldnn.enabled),
        "cpuCapability": cpu_capability(torch),
        "parameters": sum(t.numel() for t in model.parameters() if t.requires_grad),
    }
    if a.serve:
        print(json.dumps(info), flush=True)
        for line in sys.stdin:
            mode, step = steps[line.strip()]
            mode()
            wall, cpu = timed_step(step)
            print(json.dumps({"wall": wall, "cpu": cpu}), flush=True)
        return
    model.train()
    info["trainSeconds"], info["trainCpuSeconds"] = timed(train_step, a.warmup, a.steps)
    model.eval()
    info["inferenceSeconds"], info["inferenceCpuSeconds"] = timed(inference_step, a.warmup, a.inference_steps)
    json.dump(info, sys.stdout)
    print()


def timed_step(step):
    """Wall and CPU time (this process, all its threads) of one step, in seconds."""
    w0, c0 = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - w0, time.process_time() - c0


def timed(step, warmup, steps):
    for _ in range(warmup):
        step()
    times = [timed_step(step) for _ in range(steps)]
    return [t[0] for t in times], [t[1] for t in times]


def cpu_capability(torch):
    """The SIMD level ATen's own kernels dispatch to (torch >= 2.0 says it directly; 1.x only in its config)."""
    get = getattr(torch.backends.cpu, "get_cpu_capability", None) if hasattr(torch.backends, "cpu") else None
    if get is not None:
        return get()
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage" in line:
            return line.split(":", 1)[1].strip()
    return "unknown"


if __name__ == "__main__":
    main()
