# Tests of the principles part (merged into CMakeLists.txt when the part is done).
