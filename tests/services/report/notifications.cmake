# Tests of the notifications part (merged into CMakeLists.txt when the part is done).
