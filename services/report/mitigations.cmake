# Sources of the mitigations part (merged into CMakeLists.txt when the part is done).
