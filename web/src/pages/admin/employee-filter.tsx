import { useState } from 'react';
import { useQuery } from 'urql';
import { SelectField } from '../../field';
import { graphql } from '../../documents';

const EmployeeFilterFunctions = graphql(`
  query EmployeeFilterFunctions {
    businessFunctions(first: 500) {
      id
      code
      name
    }
  }
`);

const EmployeeFilterPeople = graphql(`
  query EmployeeFilterPeople($functionId: UUID!) {
    employees(functionId: $functionId, first: 500) {
      nodes {
        id
        name
        email
      }
    }
  }
`);

/** Picks one employee by function, then name and e-mail; what it gives is the employee's id (empty: anyone). */
export function EmployeeFilter({ path, employeeId, onChange }: { path: string; employeeId: string; onChange(id: string): void }) {
  const [functionId, setFunctionId] = useState('');
  const [{ data: functions }] = useQuery({ query: EmployeeFilterFunctions });
  const [{ data: people }] = useQuery({ query: EmployeeFilterPeople, variables: { functionId }, pause: !functionId });
  return (
    <>
      <div className="grid-col-auto">
        <SelectField
          path={`${path}.function`}
          label="Employee's function"
          placeholder="Any function"
          value={functionId}
          options={(functions?.businessFunctions ?? []).map((f) => [f.id, `${f.name} (${f.code})`])}
          onChange={(id) => {
            setFunctionId(id);
            onChange('');
          }}
        />
      </div>
      <div className="grid-col-auto">
        <SelectField
          path={path}
          label="Employee"
          placeholder="Anyone"
          value={employeeId}
          options={functionId ? (people?.employees.nodes ?? []).map((e) => [e.id, `${e.name} (${e.email})`]) : []}
          onChange={onChange}
        />
      </div>
    </>
  );
}
