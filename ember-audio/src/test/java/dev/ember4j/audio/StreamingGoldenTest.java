package dev.ember4j.audio;

/** Helpers (goldens come in the next step). */
class StreamingGoldenTest {
    /** Runs the streaming API over {@code pcm} in chunks of {@code chunk} samples and returns the int8 bytes. */
    static byte[] streamInt8(FrontendConfig config, short[] pcm, int chunk) {
        MicroFrontend frontend = new MicroFrontend(config);
        int channels = config.numChannels();
        byte[] out = new byte[config.frameCount(pcm.length) * channels];
        MicroFrontend.FrameListener listener = (index, values) -> MicroFrontend.toInt8(values, out, (int) index * channels);
        for (int off = 0; off < pcm.length; off += chunk) {
            frontend.push(pcm, off, Math.min(chunk, pcm.length - off), listener);
        }
        return out;
    }
}
