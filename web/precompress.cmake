# web/precompress.cmake — writes FILE.br and FILE.gz beside each file of the
# built web app, so civic-server (server/static_files.cpp) can send the
# compressed sibling to browsers that accept it: a phone on a mobile network
# downloads ~1/3 of the bytes. Run with: cmake -DOUT=build/web -P precompress.cmake
# Only files that changed since their .br was written are compressed again.
find_program(BROTLI brotli)
find_program(GZIP gzip)
file(GLOB_RECURSE files LIST_DIRECTORIES false
     ${OUT}/*.js ${OUT}/*.wasm ${OUT}/*.html ${OUT}/*.css ${OUT}/*.ttf ${OUT}/*.webmanifest ${OUT}/*.svg)
foreach(f ${files})
  if(BROTLI AND (NOT EXISTS ${f}.br OR ${f} IS_NEWER_THAN ${f}.br))
    execute_process(COMMAND ${BROTLI} -f -q 11 -o ${f}.br ${f} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "brotli failed on ${f}")
    endif()
  endif()
  if(GZIP AND (NOT EXISTS ${f}.gz OR ${f} IS_NEWER_THAN ${f}.gz))
    execute_process(COMMAND ${GZIP} -f -k -9 -n ${f} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "gzip failed on ${f}")
    endif()
  endif()
endforeach()
