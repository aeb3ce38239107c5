#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Makes the audio front-end goldens in testdata/audio/ with TensorFlow's audio_microfrontend op.

For each WAV (16-bit PCM mono, 16 kHz; synthesized with numpy, speech with espeak-ng + sox when installed)
it writes, for each parameter set listed in PARAM_SETS:
  NAME.wav                       the input
  NAME.micro_speech.int8         micro_speech settings, uint16 outputs mapped to the speech model's int8
                                 input with clamp((v * 256 + 333) // 666 - 128)
  NAME.<set>.u16                 other parameter sets: raw uint16 outputs, little-endian, row-major
and testdata/audio/goldens.txt, one line per golden: "wav set file frames channels".

Usage: /work/V/bin/python tools/make_audio_goldens.py [output dir]   (TensorFlow 2.x with the microfrontend op)
The Java test (ember-audio GoldenTest) maps each set name to the same FrontendConfig.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import wave

import numpy as np
import tensorflow as tf
from tensorflow.lite.experimental.microfrontend.python.ops import audio_microfrontend_op as frontend_op

RATE = 16000

MICRO_SPEECH = dict(sample_rate=16000, window_size=30, window_step=20, num_channels=40,
                    upper_band_limit=7500.0, lower_band_limit=125.0, smoothing_bits=10,
                    even_smoothing=0.025, odd_smoothing=0.06, min_signal_remaining=0.05,
                    enable_pcan=True, pcan_strength=0.95, pcan_offset=80.0, gain_bits=21,
                    enable_log=True, scale_shift=6)

# Other parameter sets (each is MICRO_SPEECH with changes); names must match the Java test.
PARAM_SETS = {
    "micro_speech": {},
    # The op's own defaults: 25 ms window, 10 ms step, 32 channels.
    "tf_defaults": dict(window_size=25, window_step=10, num_channels=32),
    "no_pcan": dict(enable_pcan=False),
    # 64 ms window (1024-point FFT, radix-2 stage in KissFFT), 16 ms step, 20 channels 300-3800 Hz,
    # other smoothing, PCAN and log settings.
    "wide": dict(window_size=64, window_step=16, num_channels=20, lower_band_limit=300.0,
                 upper_band_limit=3800.0, smoothing_bits=8, even_smoothing=0.1, odd_smoothing=0.2,
                 min_signal_remaining=0.1, pcan_strength=0.8, pcan_offset=40.0, gain_bits=20, scale_shift=4),
}
# Sets computed for every WAV; the others only for the WAVs listed here.
EXTRA_SETS_FOR = {"espeak_sentence", "chirp", "clip_square", "noise_white", "silence"}


def features(samples, params):
    p = dict(MICRO_SPEECH)
    p.update(params)
    out = frontend_op.audio_microfrontend(tf.constant(samples, dtype=tf.int16), out_scale=1,
                                          out_type=tf.uint16, **p)
    return out.numpy().astype(np.int64)


def to_int8(v):
    return np.clip((v * 256 + 333) // 666 - 128, -128, 127).astype(np.int8)


def write_wav(path, samples):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(np.asarray(samples, dtype="<i2").tobytes())


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2 and w.getframerate() == RATE, path
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")


def espeak(text, voice="en", speed=150):
    if shutil.which("espeak-ng") is None or shutil.which("sox") is None:
        return None
    with tempfile.TemporaryDirectory() as d:
        raw = os.path.join(d, "raw.wav")
        out = os.path.join(d, "out.wav")
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", raw, text], check=True)
        subprocess.run(["sox", raw, "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer", out],
                       check=True)
        return read_wav(out)


def clip16(x):
    return np.clip(np.round(x), -32768, 32767).astype(np.int16)


def synthesized():
    rng = np.random.default_rng(20240611)
    t = lambda n: np.arange(n) / RATE
    w = {}
    w["silence"] = np.zeros(RATE, dtype=np.int16)
    w["noise_white"] = clip16(rng.normal(0, 3000, 12800))
    w["noise_quiet"] = clip16(rng.normal(0, 2, 8000))
    w["noise_fullscale"] = rng.integers(-32768, 32768, 6400, dtype=np.int64).astype(np.int16)
    w["tone_1k"] = clip16(10000 * np.sin(2 * np.pi * 1000 * t(8000)))
    sq = np.where(np.sin(2 * np.pi * 440 * t(9600)) >= 0, 32767, -32768)
    w["clip_square"] = sq.astype(np.int16)
    w["clip_sine"] = clip16(3 * 32767 * np.sin(2 * np.pi * 300 * t(8000)))
    n = RATE
    f0, f1 = 100.0, 7900.0
    phase = 2 * np.pi * (f0 * t(n) + (f1 - f0) / 2 * t(n) ** 2)
    w["chirp"] = clip16(12000 * np.sin(phase))
    w["short_400"] = clip16(8000 * np.sin(2 * np.pi * 700 * t(400)))
    w["exact_480"] = clip16(rng.normal(0, 4000, 480))
    mix = 6000 * np.sin(2 * np.pi * 523.25 * t(12345)) + rng.normal(0, 500, 12345)
    w["odd_12345"] = clip16(mix)
    w["dc_offset"] = clip16(20000 + rng.normal(0, 300, 7000))
    clicks = np.zeros(9000)
    clicks[::1500] = 30000
    clicks[700::1500] = -30000
    w["clicks"] = clip16(clicks)
    # Silence, then a tone burst, then silence: the noise estimate adapts and decays.
    burst = np.zeros(16000)
    burst[6000:9000] = 15000 * np.sin(2 * np.pi * 2000 * t(3000))
    w["burst"] = clip16(burst)
    return w


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "testdata", "audio")
    os.makedirs(outdir, exist_ok=True)
    wavs = {}
    for name, text in [("espeak_yes", "yes"), ("espeak_no", "no"), ("espeak_sentence", "turn on the light")]:
        s = espeak(text)
        if s is not None:
            wavs[name] = s
        else:
            print("espeak-ng/sox not found: skipping", name)
    wavs.update(synthesized())
    lines = []
    for name, samples in sorted(wavs.items()):
        write_wav(os.path.join(outdir, name + ".wav"), samples)
        samples = read_wav(os.path.join(outdir, name + ".wav"))
        for set_name, params in PARAM_SETS.items():
            if set_name != "micro_speech" and name not in EXTRA_SETS_FOR:
                continue
            v = features(samples, params)
            frames, channels = v.shape if v.ndim == 2 and v.size else (0, params.get("num_channels", 40))
            if set_name == "micro_speech":
                fname = name + ".micro_speech.int8"
                data = to_int8(v).tobytes()
            else:
                fname = name + "." + set_name + ".u16"
                data = v.astype("<u2").tobytes()
            with open(os.path.join(outdir, fname), "wb") as f:
                f.write(data)
            lines.append(f"{name}.wav {set_name} {fname} {frames} {channels}")
            print(f"{name}: {len(samples)} samples, {set_name}: {frames}x{channels}")
    with open(os.path.join(outdir, "goldens.txt"), "w") as f:
        f.write("# wav parameter-set golden frames channels (made by tools/make_audio_goldens.py with "
                f"TensorFlow {tf.__version__} audio_microfrontend)\n")
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
