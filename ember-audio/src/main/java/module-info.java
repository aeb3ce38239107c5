/** The TensorFlow Lite Micro speech front end (bit-exact feature frames from 16 kHz audio) and a WAV reader. */
module dev.ember4j.audio {
    exports dev.ember4j.audio;
}
