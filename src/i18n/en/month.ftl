# month
