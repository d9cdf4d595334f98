# Runs a trainer twice in two directories (same data and ARGS, --out model.inc) and fails
# unless the two outputs are byte-identical. Passes with a message when the data is absent.
#   cmake -DTRAINER=... -DTRAIN=data.jsonl -DARGS="--limit;500;--cv;2" -DWORK=dir -P train_twice.cmake
if(NOT EXISTS "${TRAIN}")
  message("SKIP: ${TRAIN} not found")
  return()
endif()
foreach(run a b)
  file(REMOVE_RECURSE "${WORK}/${run}")
  file(MAKE_DIRECTORY "${WORK}/${run}")
  execute_process(COMMAND "${TRAINER}" --train "${TRAIN}" ${ARGS} --out model.inc
                  WORKING_DIRECTORY "${WORK}/${run}" RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${TRAINER} failed: ${rc}")
  endif()
endforeach()
file(SIZE "${WORK}/a/model.inc" size)
if(size LESS 1000)
  message(FATAL_ERROR "the model file is only ${size} bytes")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${WORK}/a/model.inc" "${WORK}/b/model.inc"
                RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  message(FATAL_ERROR "two trainings gave different model files")
endif()
