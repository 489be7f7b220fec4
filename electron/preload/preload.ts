// entry point: being written
