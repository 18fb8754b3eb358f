print("kgx")
