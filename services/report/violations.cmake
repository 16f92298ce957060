# Sources of the violations part (merged into CMakeLists.txt when the part is done).
